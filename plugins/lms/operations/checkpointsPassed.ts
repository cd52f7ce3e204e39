import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { quizSubmissionsTable } from './sql/quizSubmissionsTable'

/**
 * Refuses (409 `checkpoints_pending`) to complete a lesson while any of its checkpoint quizzes has no
 * passed attempt by the member.
 */
export const requireCheckpointsPassed = async (req: PayloadRequest, lesson: string, member: string) => {
  const doc = (await req.payload.findByID({ collection: 'lessons', id: lesson, depth: 0, req })) as {
    checkpoints?: { quiz: unknown }[] | null
  }
  const quizzes = [
    ...new Set(
      (doc.checkpoints ?? []).map((c) => String(typeof c.quiz === 'object' ? (c.quiz as { id: unknown }).id : c.quiz)),
    ),
  ]
  if (quizzes.length === 0) return
  const s = quizSubmissionsTable(req)
  const passed = await runSql<{ quiz: string }>(
    req,
    sql`SELECT DISTINCT ${s.quiz}::text AS quiz FROM ${s.$table}
        WHERE ${s.member} = ${member} AND ${s.passed} AND ${s.status} = 'submitted'
          AND ${s.quiz} IN (${sql.join(
            quizzes.map((q) => sql`${q}`),
            sql`, `,
          )})`,
  )
  const pending = quizzes.length - passed.length
  if (pending > 0)
    throw new OperationError(409, 'checkpoints_pending', `Pass the ${pending} remaining checkpoint quiz(zes) first.`)
}
