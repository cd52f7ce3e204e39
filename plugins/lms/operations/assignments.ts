import type { File, PayloadRequest } from 'payload'
import type { Assignment, AssignmentSubmission } from '@/payload-types'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, emit, idOf, lockKey, runSql } from '@/core'
import type {
  AccessDecision,
  AssignmentFileView,
  AssignmentLessonView,
  AssignmentSubmissionView,
  AssignmentSubmitInput,
} from '../contract'
import { addSubmissionFiles, filesOfSubmissions } from './assignmentFiles'
import { lessonAccess, resolveViewer, type EnrollmentRow } from './mayAccess'
import { refusal } from './refusal'
import { assignmentSubmissionsTable } from './sql/assignmentSubmissionsTable'
import { lessonsTable } from './sql/lessonsTable'

const DAY_MS = 86_400_000

/** The assignment (any tenant; the caller decides who may see it), 404 when there is none. */
export const loadAssignment = async (req: PayloadRequest, id: string): Promise<Assignment> => {
  const doc = await req.payload.findByID({ collection: 'assignments', id, req, depth: 0, disableErrors: true })
  if (!doc) throw new OperationError(404, 'not_found', 'Not found.')
  return doc
}

/** When the assignment is due for a member enrolled at `enrolledAt` (null: no due date). */
export const dueAt = (assignment: Pick<Assignment, 'due'>, enrolledAt: Date | null): Date | null => {
  const due = assignment.due
  if (due?.mode === 'on_date' && due.date) return new Date(due.date)
  if (due?.mode === 'after_days' && enrolledAt && typeof due.days === 'number')
    return new Date(enrolledAt.getTime() + due.days * DAY_MS)
  return null
}

/** A submission as its member sees it, with its files. */
export const submissionView = (
  doc: AssignmentSubmission,
  passingPoints: number | null,
  files: AssignmentFileView[] = [],
): AssignmentSubmissionView => {
  const points = doc.status === 'graded' && typeof doc.points === 'number' ? doc.points : null
  return {
    id: String(doc.id),
    assignment: idOf(doc.assignment) ?? '',
    attempt: doc.attempt,
    status: doc.status,
    body: doc.body ?? null,
    links: (doc.links ?? []).map((link) => link.url),
    late: Boolean(doc.late),
    submittedAt: new Date(doc.submittedAt).toISOString(),
    points,
    passed: points === null || passingPoints === null ? null : points >= passingPoints,
    feedback: doc.feedback ?? null,
    gradedAt: doc.gradedAt ? new Date(doc.gradedAt).toISOString() : null,
    files,
  }
}

/**
 * The lesson that sets the assignment and that the signed-in member may open now (the one access
 * decision with its unlock rules). Refuses as the lesson would (401, 403 `lesson_locked` / `no_access`
 * / `not_enrolled` / `other_tenant`, 404) when none opens; 403 `not_a_member` without a membership.
 */
export const openLesson = async (
  req: PayloadRequest,
  assignment: Assignment,
): Promise<{ member: string; enrollment: EnrollmentRow | null }> => {
  const tenant = idOf(assignment.tenant) ?? ''
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const viewer = await resolveViewer(req, tenant, undefined)
  if (viewer.otherTenant) throw new OperationError(404, 'not_found', 'Not found.')
  if (!viewer.member)
    throw new OperationError(403, 'not_a_member', 'Only members of this business can hand in assignments.')
  const l = lessonsTable(req)
  const lessons = await runSql<{ id: string }>(
    req,
    sql`SELECT ${l.id} AS id FROM ${l.$table}
        WHERE ${l.assignment} = ${String(assignment.id)} AND ${l.itemType} = 'assignment' ORDER BY ${l.id}`,
  )
  let refused: AccessDecision = { allowed: false, reason: 'no_access' }
  for (const { id } of lessons) {
    const access = await lessonAccess(req, { lesson: id })
    if (access.decision.allowed && access.lesson) return { member: viewer.member, enrollment: access.enrollment }
    if (access.decision.reason !== 'not_found') refused = access.decision
  }
  throw refusal(refused)
}

/**
 * `POST /api/assignments/:id/submit`: the signed-in member hands in text, links and/or files (a
 * multipart request's `file` parts, checked by `assignment-files`' hooks: 413, 415) for an
 * assignment set by a lesson they may open now (403 otherwise, as the lesson). One live submission
 * (submitted or graded) per assignment and member: submits of one member and assignment run one
 * after another under a transaction-scoped advisory lock (and a partial unique index backs it), so
 * a second one — concurrent or later — is 409 `already_submitted` unless staff returned the last
 * one, in which case it is the next attempt. A submission after the due date is kept, marked late.
 */
export const submitAssignment = async (
  req: PayloadRequest,
  id: string,
  input: AssignmentSubmitInput,
  files: File[] = [],
): Promise<AssignmentSubmissionView> => {
  const body = input.body?.trim() ?? ''
  const links = input.links ?? []
  if (!body && links.length === 0 && files.length === 0)
    throw new OperationError(400, 'empty_submission', 'Write an answer, add a link or attach a file before handing in.')
  const assignment = await loadAssignment(req, id)
  const tenant = idOf(assignment.tenant) ?? ''
  const { member, enrollment } = await openLesson(req, assignment)
  await lockKey(req, `assignment-submit:${id}:${member}`)
  const s = assignmentSubmissionsTable(req)
  const [last] = await runSql<{ status: string; attempt: number }>(
    req,
    sql`SELECT ${s.status} AS status, ${s.attempt}::int AS attempt FROM ${s.$table}
        WHERE ${s.assignment} = ${id} AND ${s.member} = ${member} ORDER BY ${s.attempt} DESC LIMIT 1`,
  )
  if (last && last.status !== 'returned')
    throw new OperationError(
      409,
      'already_submitted',
      last.status === 'graded'
        ? 'This assignment is already graded.'
        : 'You already handed this in: you can hand in again only if staff return it to you.',
    )
  if (last && !assignment.allowResubmission)
    throw new OperationError(409, 'resubmission_not_allowed', 'This assignment takes one submission only.')
  const now = new Date()
  const due = dueAt(assignment, enrollment?.enrolled_at ? new Date(enrollment.enrolled_at) : null)
  const late = Boolean(due && now > due)
  const attempt = (last?.attempt ?? 0) + 1
  const doc = await req.payload.create({
    collection: 'assignment-submissions',
    req,
    depth: 0,
    data: {
      tenant,
      assignment: id,
      member,
      attempt,
      status: 'submitted',
      body: body || null,
      links: links.map((url) => ({ url })),
      late,
      submittedAt: now.toISOString(),
    },
  })
  // the files join the new submission as the member (the same rules as a later upload)
  const stored = files.length ? await addSubmissionFiles(req, String(doc.id), files) : []
  await emit(req, {
    type: 'assignment.submitted',
    tenant,
    subject: { collection: 'assignment-submissions', id: doc.id },
    data: { submission: String(doc.id), assignment: id, member, attempt, late },
  })
  return submissionView(doc, assignment.passingPoints, stored)
}

/**
 * Staff grade (`status: 'graded'`, points, feedback) or return (`status: 'returned'`) a submission
 * as the signed-in user: a Payload update with their access (graders of the tenant), so the same
 * rules, events and lesson completion run as for an edit in the admin (hooks/gradeSubmission.ts).
 */
export const reviewSubmission = async (
  req: PayloadRequest,
  id: string,
  data: { status: 'graded' | 'returned'; points?: number; feedback?: string },
): Promise<AssignmentSubmissionView> => {
  const doc = await req.payload.update({
    collection: 'assignment-submissions',
    id,
    req,
    depth: 0,
    overrideAccess: false,
    data: {
      status: data.status,
      ...(data.points !== undefined ? { points: data.points } : {}),
      ...(data.feedback !== undefined ? { feedback: data.feedback } : {}),
    },
  })
  const assignment = await loadAssignment(req, idOf(doc.assignment) ?? '')
  const files = await filesOfSubmissions(req, [String(doc.id)])
  return submissionView(doc, assignment.passingPoints, files.get(String(doc.id)))
}

/**
 * The assignment of an assignment lesson as the member sees it in the lesson view: its
 * instructions, when it is due for them, and their submissions (newest first).
 */
export const assignmentLessonView = async (
  req: PayloadRequest,
  input: { assignment: string; member: string | null; enrolledAt: Date | null },
): Promise<AssignmentLessonView | null> => {
  const assignment = await req.payload.findByID({
    collection: 'assignments',
    id: input.assignment,
    req,
    depth: 0,
    disableErrors: true,
  })
  if (!assignment) return null
  const { docs } = input.member
    ? await req.payload.find({
        collection: 'assignment-submissions',
        where: { and: [{ assignment: { equals: input.assignment } }, { member: { equals: input.member } }] },
        sort: '-attempt',
        limit: 50,
        depth: 0,
        req,
      })
    : { docs: [] }
  const files = await filesOfSubmissions(
    req,
    docs.map((doc) => String(doc.id)),
  )
  const submissions = docs.map((doc) => submissionView(doc, assignment.passingPoints, files.get(String(doc.id))))
  const due = dueAt(assignment, input.enrolledAt)
  return {
    id: String(assignment.id),
    title: assignment.title,
    description: assignment.description ?? null,
    instructions: assignment.instructions ?? null,
    dueAt: due ? due.toISOString() : null,
    maxPoints: assignment.maxPoints,
    passingPoints: assignment.passingPoints,
    allowResubmission: Boolean(assignment.allowResubmission),
    submissions,
    canSubmit:
      Boolean(input.member) &&
      (submissions.length === 0 || (submissions[0].status === 'returned' && Boolean(assignment.allowResubmission))),
  }
}
