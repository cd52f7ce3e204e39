import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, emit, requireFeature, runSql } from '@/core'
import { mayAccess, resolveViewer } from './mayAccess'
import { refusal } from './refusal'
import { coursesTable } from './sql/coursesTable'
import { courseEnrollmentsTable } from './sql/courseEnrollmentsTable'

const SOURCE_OF: Record<string, string> = {
  free: 'free',
  staff: 'complimentary',
  subscription: 'subscription',
  'grant:purchased': 'purchase',
  'grant:subscription': 'subscription',
  'grant:complimentary': 'complimentary',
  'grant:enrollment': 'complimentary',
  'grant:booking': 'offering',
  'grant:preview': 'complimentary',
}

export type Enrolment = {
  id: string
  course: string
  member: string
  status: string
  progressPct: number
  created: boolean
}

/**
 * The signed-in member enrols in a course they may open (free, a grant, a subscription): one
 * enrolment per member and course (INSERT … ON CONFLICT DO NOTHING), `enrollment.created` once.
 * Enrolling again answers the existing enrolment. 403 when the tenant has the `lms` feature off.
 */
export const enrol = async (req: PayloadRequest, course: string): Promise<Enrolment> => {
  const c = coursesTable(req)
  const [row] = await runSql<{ tenant: string }>(
    req,
    sql`SELECT ${c.tenant} AS tenant FROM ${c.$table} WHERE ${c.id} = ${course}`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'Not found.')
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  await requireFeature(req, row.tenant, 'lms')
  const viewer = await resolveViewer(req, row.tenant, undefined)
  if (!viewer.member) throw new OperationError(403, 'not_a_member', 'Only members of this business can enrol here.')
  const member = viewer.member
  const decision = await mayAccess(req, { member, target: { collection: 'courses', id: course } })
  if (!decision.allowed) throw refusal(decision)
  const e = courseEnrollmentsTable(req)
  const source = SOURCE_OF[decision.reason] ?? 'complimentary'
  const [inserted] = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${e.$table} (${e.tenant}, ${e.course}, ${e.member}, ${e.status}, ${e.progressPct}, ${e.enrolledAt}, ${e.source})
        VALUES (${row.tenant}, ${course}, ${member}, 'active', 0, now(), ${source}::${e.$enum.source})
        ON CONFLICT (${e.tenant}, ${e.course}, ${e.member}) DO NOTHING
        RETURNING ${e.id} AS id`,
  )
  if (inserted)
    await emit(req, {
      type: 'enrollment.created',
      tenant: row.tenant,
      subject: { collection: 'course-enrollments', id: inserted.id },
      data: { enrollment: inserted.id, course, member, source },
    })
  const [enrollment] = await runSql<{ id: string; status: string; progress_pct: number }>(
    req,
    sql`SELECT ${e.id} AS id, ${e.status} AS status, ${e.progressPct}::int AS progress_pct FROM ${e.$table}
        WHERE ${e.tenant} = ${row.tenant} AND ${e.course} = ${course} AND ${e.member} = ${member}`,
  )
  return {
    id: enrollment.id,
    course,
    member,
    status: enrollment.status,
    progressPct: enrollment.progress_pct,
    created: Boolean(inserted),
  }
}
