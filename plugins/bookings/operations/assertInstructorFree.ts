import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'

/**
 * Refuses (409) a class that would overlap another of the instructor's classes. Locks the
 * instructor's membership row first, so two concurrent writes for one instructor serialise.
 */
export const assertInstructorFree = async (
  req: PayloadRequest,
  input: { instructor: string; startTime: string; endTime: string; classId?: string },
): Promise<void> => {
  await runSql(req, sql`SELECT id FROM tenant_memberships WHERE id = ${input.instructor} FOR NO KEY UPDATE`)
  const [clash] = await runSql<{ id: string; title: string; start_time: Date }>(
    req,
    sql`SELECT id, title, start_time FROM classes
        WHERE instructor_id = ${input.instructor} AND status <> 'cancelled'
          AND start_time < ${input.endTime}::timestamptz AND end_time > ${input.startTime}::timestamptz
          ${input.classId ? sql`AND id <> ${input.classId}` : sql``}
        ORDER BY start_time LIMIT 1`,
  )
  if (clash) {
    throw new OperationError(
      409,
      'instructor_busy',
      `The instructor already teaches "${clash.title}" at ${new Date(clash.start_time).toISOString()}, which overlaps this class.`,
    )
  }
}
