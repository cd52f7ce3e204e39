import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, emit, idOf, runSql } from '@/core'
import { loadAssignment } from '../../../operations/assignments'
import { completeTargetLessons } from '../../../operations/completeTargetLessons'
import { assignmentSubmissionsTable } from '../../../operations/sql/assignmentSubmissionsTable'
import type { SubmissionStatus } from '../../../types'

/** What a change did to a submission, handed from beforeChange to afterChange (per document). */
type Review = { from: SubmissionStatus | null; to: SubmissionStatus; pointsChanged: boolean }
/**
 * Per request (not `req.context`: every nested Local API call with `req` replaces that object with a
 * copy, so what beforeChange writes there after one is not what afterChange reads).
 */
const reviews = new WeakMap<PayloadRequest, Map<string, Review>>()
const reviewsOf = (req: PayloadRequest) => {
  let map = reviews.get(req)
  if (!map) reviews.set(req, (map = new Map()))
  return map
}

/** The points are a number within 0 … the assignment's maximum (400 `points_out_of_range`, `points_required`). */
const checkPoints = (points: unknown, max: number, title: string): number => {
  if (points === null || points === undefined || points === '')
    throw new OperationError(400, 'points_required', 'Give the points to grade this submission.')
  const value = Number(points)
  if (!Number.isFinite(value) || value < 0 || value > max)
    throw new OperationError(
      400,
      'points_out_of_range',
      `Points must be between 0 and ${max} (the maximum of “${title}”); got ${String(points)}.`,
    )
  return value
}

const userId = (req: PayloadRequest) => (req.user?.collection === 'users' ? String(req.user.id) : null)

/**
 * The grading rules, for the grade/return endpoints and for staff editing a submission in the admin
 * alike (both are Payload updates):
 * - the row is locked (FOR UPDATE) and its status read again, so two reviewers run one after another;
 * - a returned submission is closed (409 `submission_closed`: the member hands in a new one), and a
 *   graded one never goes back to submitted (409 `invalid_status`);
 * - points given on a submitted one grade it; grading needs points within 0 … maxPoints (400);
 * - returning needs the assignment to allow resubmission (409 `resubmission_not_allowed`);
 * - a grade or a return stamps `gradedAt` and `gradedBy` (the signed-in user).
 */
export const guardReview: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const assignment = await loadAssignment(req, idOf(data.assignment ?? originalDoc?.assignment) ?? '')
  const tenant = idOf(data.tenant ?? originalDoc?.tenant)
  if (tenant && idOf(assignment.tenant) !== tenant)
    throw new OperationError(400, 'target_mismatch', 'The assignment belongs to another business.')
  let from: SubmissionStatus | null = null
  let oldPoints: number | null = null
  if (operation === 'update' && originalDoc?.id) {
    const s = assignmentSubmissionsTable(req)
    const [row] = await runSql<{ status: SubmissionStatus; points: number | null }>(
      req,
      sql`SELECT ${s.status} AS status, ${s.points}::float8 AS points FROM ${s.$table} WHERE ${s.id} = ${String(originalDoc.id)} FOR UPDATE`,
    )
    if (!row) throw new OperationError(404, 'not_found', 'Not found.')
    from = row.status
    oldPoints = row.points
  }
  let to: SubmissionStatus = data.status ?? from ?? 'submitted'
  // new points (the admin's form sends the unchanged ones back with every save)
  const pointsGiven = data.points !== undefined && data.points !== null && Number(data.points) !== oldPoints
  if (from === 'returned' && (to !== 'returned' || pointsGiven))
    throw new OperationError(409, 'submission_closed', 'This submission was returned: the member hands in a new one.')
  if (from === 'graded' && to === 'submitted')
    throw new OperationError(409, 'invalid_status', 'A graded submission cannot go back to submitted.')
  if (to === 'submitted' && pointsGiven && operation === 'update') to = 'graded'
  data.status = to
  let pointsChanged = false
  if (to === 'graded') {
    const points = checkPoints(
      data.points !== undefined ? data.points : oldPoints,
      assignment.maxPoints,
      assignment.title,
    )
    data.points = points
    pointsChanged = points !== oldPoints
  }
  if (to === 'returned' && from !== 'returned' && !assignment.allowResubmission)
    throw new OperationError(409, 'resubmission_not_allowed', 'This assignment takes one submission only.')
  if (to !== 'submitted' && (from !== to || pointsChanged)) {
    data.gradedAt = new Date().toISOString()
    data.gradedBy = userId(req) ?? idOf(originalDoc?.gradedBy) ?? null
  } else if (operation === 'update') {
    // reviewers' stamps are the hook's: what a client sends for them is ignored
    data.gradedAt = originalDoc?.gradedAt ?? null
    data.gradedBy = idOf(originalDoc?.gradedBy) ?? null
  }
  reviewsOf(req).set(String(originalDoc?.id ?? 'new'), { from, to, pointsChanged })
  return data
}

/**
 * After a grade or a return: `assignment.graded` / `assignment.returned` (the member hears of it by
 * e-mail through the jobs queue), and a passing grade completes the assignment's lessons for the
 * member through the one completion path (progress, `course.completed` once).
 */
export const announceReview: CollectionAfterChangeHook = async ({ doc, req, operation }) => {
  const key = operation === 'create' ? 'new' : String(doc.id)
  const review = reviewsOf(req).get(key)
  reviewsOf(req).delete(key)
  if (!review) return doc
  const assignmentId = idOf(doc.assignment) ?? ''
  const member = idOf(doc.member) ?? ''
  const tenant = idOf(doc.tenant)
  const base = { submission: String(doc.id), assignment: assignmentId, member }
  if (review.to === 'graded' && (review.from !== 'graded' || review.pointsChanged)) {
    const assignment = await loadAssignment(req, assignmentId)
    const passed = doc.points >= assignment.passingPoints
    await emit(req, {
      type: 'assignment.graded',
      tenant,
      subject: { collection: 'assignment-submissions', id: doc.id },
      data: { ...base, points: doc.points, maxPoints: assignment.maxPoints, passed },
    })
    if (passed) await completeTargetLessons(req, { target: 'assignment', id: assignmentId, member })
  }
  if (review.to === 'returned' && review.from !== 'returned')
    await emit(req, {
      type: 'assignment.returned',
      tenant,
      subject: { collection: 'assignment-submissions', id: doc.id },
      data: base,
    })
  return doc
}
