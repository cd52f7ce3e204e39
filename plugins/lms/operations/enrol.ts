import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, requireFeature, runSql } from '@/core'
import { mayAccess } from './mayAccess'
import { refusal } from './refusal'
import { courseMember } from './courseMember'
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
  const { tenant, member } = await courseMember(req, course, 'enrol here')
  await requireFeature(req, tenant, 'lms')
  const decision = await mayAccess(req, { member, target: { collection: 'courses', id: course } })
  if (!decision.allowed) throw refusal(decision)
  const e = courseEnrollmentsTable(req)
  const source = SOURCE_OF[decision.reason] ?? 'complimentary'
  const [inserted] = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${e.$table} (${e.tenant}, ${e.course}, ${e.member}, ${e.status}, ${e.progressPct}, ${e.enrolledAt}, ${e.source})
        VALUES (${tenant}, ${course}, ${member}, 'active', 0, now(), ${source}::${e.$enum.source})
        ON CONFLICT (${e.tenant}, ${e.course}, ${e.member}) DO NOTHING
        RETURNING ${e.id} AS id`,
  )
  if (inserted)
    await emit(req, {
      type: 'enrollment.created',
      tenant,
      subject: { collection: 'course-enrollments', id: inserted.id },
      data: { enrollment: inserted.id, course, member, source },
    })
  const [enrollment] = await runSql<{ id: string; status: string; progress_pct: number }>(
    req,
    sql`SELECT ${e.id} AS id, ${e.status} AS status, ${e.progressPct}::int AS progress_pct FROM ${e.$table}
        WHERE ${e.tenant} = ${tenant} AND ${e.course} = ${course} AND ${e.member} = ${member}`,
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
