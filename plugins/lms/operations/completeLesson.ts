import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, emit, hasRoleIn, runSql } from '@/core'
import { GRADER_ROLES } from '../types'
import type { LessonRow } from './mayAccess'
import { requireCheckpointsPassed } from './checkpointsPassed'
import { lessonAccess } from './mayAccess'
import { refusal } from './refusal'
import { courseEnrollmentsTable } from './sql/courseEnrollmentsTable'
import { lessonCompletionsTable } from './sql/lessonCompletionsTable'
import { lessonsTable } from './sql/lessonsTable'

export type CompletionResult = {
  lesson: string
  course: string
  /** False when the lesson was already completed (nothing changed). */
  completed: boolean
  progressPct: number
  courseCompleted: boolean
}

/**
 * Records a lesson done for an enrolled member, inside the request's transaction:
 * 1. the enrolment row is locked (FOR UPDATE): completions of one enrolment run one after another,
 *    so each progress count below sees every earlier one (READ COMMITTED, new statement snapshot);
 * 2. the completion is inserted once (U(member, lesson), ON CONFLICT DO NOTHING): a repeat changes nothing;
 * 3. progressPct = ⌊done / total · 100⌋ in one UPDATE;
 * 4. a conditional UPDATE … WHERE status <> 'completed' AND progressPct >= 100 RETURNING decides
 *    the one caller that completes the enrolment and emits `course.completed`.
 */
export const recordCompletion = async (
  req: PayloadRequest,
  input: { lesson: LessonRow; member: string },
): Promise<CompletionResult> => {
  const { lesson, member } = input
  const e = courseEnrollmentsTable(req)
  const c = lessonCompletionsTable(req)
  const l = lessonsTable(req)
  const [enrollment] = await runSql<{ id: string; progress_pct: number; status: string }>(
    req,
    sql`SELECT ${e.id} AS id, ${e.progressPct}::int AS progress_pct, ${e.status} AS status FROM ${e.$table}
        WHERE ${e.tenant} = ${lesson.tenant} AND ${e.course} = ${lesson.course} AND ${e.member} = ${member}
        FOR UPDATE`,
  )
  if (!enrollment) throw new OperationError(403, 'not_enrolled', 'Enrol in the course first.')
  await requireCheckpointsPassed(req, lesson.id, member)
  const [inserted] = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${c.$table} (${c.tenant}, ${c.member}, ${c.course}, ${c.lesson}, ${c.completedAt})
        VALUES (${lesson.tenant}, ${member}, ${lesson.course}, ${lesson.id}, now())
        ON CONFLICT (${c.tenant}, ${c.member}, ${c.lesson}) DO NOTHING
        RETURNING ${c.id} AS id`,
  )
  if (!inserted)
    return {
      lesson: lesson.id,
      course: lesson.course,
      completed: false,
      progressPct: enrollment.progress_pct,
      courseCompleted: enrollment.status === 'completed',
    }
  const [progress] = await runSql<{ progress_pct: number }>(
    req,
    sql`UPDATE ${e.$table} SET ${e.progressPct} = (
          SELECT CASE WHEN t.n = 0 THEN 0 ELSE floor(d.n * 100.0 / t.n) END
          FROM (SELECT count(*) AS n FROM ${l.$table} WHERE ${l.course} = ${lesson.course}) t,
               (SELECT count(*) AS n FROM ${c.$table} x JOIN ${l.$table} y ON y.${l.id} = x.${c.lesson}
                WHERE x.${c.member} = ${member} AND x.${c.course} = ${lesson.course} AND y.${l.course} = ${lesson.course}) d
        ), ${e.updatedAt} = now()
        WHERE ${e.id} = ${enrollment.id}
        RETURNING ${e.progressPct}::int AS progress_pct`,
  )
  const progressPct = progress?.progress_pct ?? 0
  await emit(req, {
    type: 'lesson.completed',
    tenant: lesson.tenant,
    subject: { collection: 'lessons', id: lesson.id },
    data: { lesson: lesson.id, course: lesson.course, member, progressPct },
  })
  const [done] = await runSql<{ completed_at: Date }>(
    req,
    sql`UPDATE ${e.$table} SET ${e.status} = 'completed', ${e.completedAt} = now()
        WHERE ${e.id} = ${enrollment.id} AND ${e.status} <> 'completed' AND ${e.progressPct} >= 100
        RETURNING ${e.completedAt} AS completed_at`,
  )
  if (done)
    await emit(req, {
      type: 'course.completed',
      tenant: lesson.tenant,
      subject: { collection: 'course-enrollments', id: enrollment.id },
      data: {
        enrollment: enrollment.id,
        course: lesson.course,
        member,
        completedAt: new Date(done.completed_at).toISOString(),
      },
    })
  return {
    lesson: lesson.id,
    course: lesson.course,
    completed: true,
    progressPct,
    courseCompleted: Boolean(done) || enrollment.status === 'completed',
  }
}

/**
 * `POST /api/lessons/:id/complete`: the signed-in member marks a lesson they may open as done
 * (idempotent). A live-session lesson completes by checking in to its class (409
 * `attendance_required`), or when a grader of the business marks it done for a member
 * (`{ member }`: 403 for anyone else, 403 `not_enrolled` when that member is not enrolled).
 */
export const completeLesson = async (
  req: PayloadRequest,
  id: string,
  input: { member?: string } = {},
): Promise<CompletionResult> => {
  // ---- live lessons ----
  if (input.member) {
    const access = await lessonAccess(req, { lesson: id, member: input.member })
    if (!access.lesson) throw refusal(access.decision)
    if (!hasRoleIn(req.user, access.lesson.tenant, GRADER_ROLES))
      throw new OperationError(403, 'forbidden', 'Only teaching staff of the business mark a lesson done for a member.')
    if (access.lesson.item_type !== 'live')
      throw new OperationError(
        409,
        'not_live',
        'Staff mark only live-session lessons done; other lessons complete through the member’s own work.',
      )
    return recordCompletion(req, { lesson: access.lesson, member: input.member })
  }
  // ---- /live lessons ----
  const access = await lessonAccess(req, { lesson: id })
  if (!access.decision.allowed || !access.lesson) throw refusal(access.decision)
  if (!access.member) throw new OperationError(403, 'not_enrolled', 'Enrol in the course first.')
  if (access.lesson.item_type === 'live')
    throw new OperationError(
      409,
      'attendance_required',
      'A live session completes when you check in to it (or the studio marks you present).',
    )
  return recordCompletion(req, { lesson: access.lesson, member: access.member })
}
