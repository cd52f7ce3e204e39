/**
 * The lms plugin's public face: the events it emits, the shapes of its endpoints and the port a
 * subscription plugin may implement. Zod and types only, no server code: the site and other
 * plugins may import this file and nothing else of the plugin.
 */
import { z } from 'zod'
import { definePort } from '@/core/ports/ports'

// ---- Events ----

const id = z.string()

export const lmsEventSchemas = {
  /** A member enrolled in a course (free course, or covered by an access grant). */
  'enrollment.created': z.object({ enrollment: id, course: id, member: id, source: z.string() }),
  /** A member completed a lesson (once per member and lesson). */
  'lesson.completed': z.object({ lesson: id, course: id, member: id, progressPct: z.number() }),
  /** An enrolment reached 100 % (once per enrolment, even when lessons complete concurrently). */
  'course.completed': z.object({ enrollment: id, course: id, member: id, completedAt: z.string() }),
  /** A member watched or listened to ≥ 95 % of a content item (once per member and item). */
  'content.completed': z.object({ content: id, member: id, lesson: id.nullable() }),
  /** An access grant was made (a purchase, a complimentary grant…). */
  'access.granted': z.object({
    grant: id,
    member: id,
    target: z.object({ collection: z.enum(['courses', 'content-items']), id }),
    accessType: z.string(),
  }),
  /** An access grant was revoked (a refunded purchase). */
  'access.revoked': z.object({ grant: id, member: id, reason: z.string() }),
  /** A member handed in an assignment (attempt 1, or again after staff returned it). */
  'assignment.submitted': z.object({
    submission: id,
    assignment: id,
    member: id,
    attempt: z.number().int(),
    late: z.boolean(),
  }),
  /** Staff graded a submission (again, when they change the points); `passed`: points ≥ passingPoints. */
  'assignment.graded': z.object({
    submission: id,
    assignment: id,
    member: id,
    points: z.number(),
    maxPoints: z.number(),
    passed: z.boolean(),
  }),
  /** Staff returned a submission for the member to hand in again. */
  'assignment.returned': z.object({ submission: id, assignment: id, member: id }),
}

type LmsEvents = { [K in keyof typeof lmsEventSchemas]: z.infer<(typeof lmsEventSchemas)[K]> }
export type CourseCompleted = LmsEvents['course.completed']
export type AssignmentGraded = LmsEvents['assignment.graded']
export type AssignmentReturned = LmsEvents['assignment.returned']

declare module '@/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends LmsEvents {}
}

// ---- Endpoints ----

/** What an access decision is about. */
export const accessTargetSchema = z.object({
  collection: z.enum(['courses', 'content-items', 'lessons']),
  id: z.string().uuid('must be a UUID'),
})
export type AccessTarget = z.infer<typeof accessTargetSchema>

/**
 * Why access is allowed (`public`, `free`, `preview`, `staff`, `grant:<accessType>`, `subscription`)
 * or refused (`sign_in`, `not_found`, `other_tenant`, `no_access`, `expired`, `revoked`, `not_yet`
 * (a grant whose window has not opened: `unlocksAt` says when), `not_enrolled`, `locked:<rule>`).
 */
export type AccessDecision = {
  allowed: boolean
  reason: string
  /** When a locked lesson opens (after_days, on_date, cohort_start), if known. */
  unlocksAt?: string | null
}

/** `PATCH /api/lessons/:id/position`: where playback of the lesson's media stands. */
export const playbackPositionInput = z
  .object({
    positionSeconds: z.number().min(0, { message: 'positionSeconds must be 0 or more.' }),
    durationSeconds: z.number().positive({ message: 'durationSeconds must be more than 0.' }),
  })
  .strict()
  .refine((v) => v.positionSeconds <= v.durationSeconds, {
    message: 'positionSeconds cannot be past durationSeconds.',
    path: ['positionSeconds'],
  })
export type PlaybackPositionInput = z.infer<typeof playbackPositionInput>

/** `GET /api/courses/:id/progress`: the member's enrolment and the state of each lesson. */
export type CourseProgressReply = {
  course: string
  enrollment: { id: string; status: string; progressPct: number; completedAt: string | null } | null
  lessons: { id: string; title: string; module: string | null; completed: boolean; access: AccessDecision }[]
}

/** A member's answer to a drawn question: choice indexes, true/false, or text. */
export type QuizAnswer = number[] | boolean | string

/** `POST /api/quizzes/:id/attempts` and `PATCH /api/quiz-submissions/:id/answers`: the open attempt (never the key). */
export type QuizAttemptReply = {
  id: string
  quiz: string
  status: 'in_progress' | 'submitted'
  startedAt: string
  deadline: string | null
  questions: { id: string; kind: 'single' | 'multiple' | 'true_false' | 'short'; prompt: string; choices: string[] }[]
  answers: Record<string, QuizAnswer>
  attemptsUsed: number
  attemptLimit: number | null
}

/** `POST /api/quiz-submissions/:id/submit`: the server's score (a client's score is ignored). */
export type QuizSubmitReply = {
  id: string
  scorePct: number
  passed: boolean
  late: boolean
  grade: number
  gradePassed: boolean
}

/** `GET /api/certificates/:code/verify` (public): nothing beyond these fields. */
export type CertificateVerifyReply = {
  code: string
  memberName: string
  course: string
  tenant: string
  issuedAt: string
}

/** `POST /api/assignments/:id/submit`: what a member hands in (text, links or both). */
export const assignmentSubmitInput = z
  .object({
    body: z.string().max(20_000, { message: 'The answer can be at most 20,000 characters.' }).optional(),
    links: z
      .array(
        z
          .string()
          .trim()
          .url({ message: 'Each link must be a full web address (https://…).' })
          .refine((url) => /^https?:\/\//i.test(url), { message: 'Links must start with http:// or https://.' }),
      )
      .max(5, { message: 'At most 5 links.' })
      .optional(),
  })
  .strict()
export type AssignmentSubmitInput = z.infer<typeof assignmentSubmitInput>

/** `POST /api/assignment-submissions/:id/grade`: the points (0 to the assignment's maximum) and feedback. */
export const assignmentGradeInput = z
  .object({
    points: z.number({ message: 'points must be a number.' }).finite(),
    feedback: z.string().max(10_000).optional(),
  })
  .strict()

/** `POST /api/assignment-submissions/:id/return`: why it goes back to the member. */
export const assignmentReturnInput = z.object({ feedback: z.string().max(10_000).optional() }).strict()

/** One submission as its member (and staff) see it. */
export type AssignmentSubmissionView = {
  id: string
  assignment: string
  attempt: number
  status: 'submitted' | 'graded' | 'returned'
  body: string | null
  links: string[]
  late: boolean
  submittedAt: string
  points: number | null
  passed: boolean | null
  feedback: string | null
  gradedAt: string | null
  /** The files handed in with it (`assignment-files`), oldest first. */
  files: AssignmentFileView[]
}

/**
 * A file handed in with an assignment submission. `url` is the access-checked download
 * (`GET /api/assignment-files/:id/download`: the member it belongs to and the tenant's graders).
 */
export type AssignmentFileView = {
  id: string
  submission: string
  filename: string
  mimeType: string
  size: number
  url: string
}

/** `POST /api/assignment-submissions/:id/files` (multipart, `file` parts) → 201. */
export type AssignmentFilesReply = { files: AssignmentFileView[] }

/** An assignment as the member's lesson view shows it, with their submissions (newest first). */
export type AssignmentLessonView = {
  id: string
  title: string
  description: string | null
  instructions: unknown
  /** When it is due for this member (null: no due date). */
  dueAt: string | null
  maxPoints: number
  passingPoints: number
  allowResubmission: boolean
  submissions: AssignmentSubmissionView[]
  /** Whether the member may hand in now: nothing yet, or the last one was returned. */
  canSubmit: boolean
}

// ---- live lessons ----

/**
 * A live-session lesson's class as `GET /api/lessons/:id/view` shows it (`live`): when (in the
 * class's zone), whether it still runs, and the viewer's booking. `joinLink` only for a member who
 * holds a place (confirmed or checked in) and for staff.
 */
export type LiveSessionView = {
  class: string
  title: string
  startTime: string
  endTime: string
  /** IANA zone of the class (its location's, else the business's). */
  timezone: string
  status: 'scheduled' | 'cancelled' | 'completed'
  deliveryMode: 'in_person' | 'virtual' | 'hybrid' | null
  joinLink: string | null
  /** The viewer's latest booking of the class that is not cancelled (confirmed, waitlisted, offered, checked_in, no_show). */
  booking: { id: string; status: string } | null
  /** Whether the viewer holds a place: a confirmed or checked-in booking. */
  booked: boolean
  checkedIn: boolean
}

// ---- /live lessons ----

// ---- access sources ----

/** `GET /api/content-items/:id/view`: a library item opened through the one access decision. */
export type ContentItemView = {
  id: string
  title: string
  contentType: string
  category: string | null
  /** The media document (only ever sent once access is allowed). */
  media: string | null
  /** The HLS master playlist and poster with a token signed for this viewer; null until transcoded. */
  playback: { url: string; posterUrl: string | null; expiresAt: string } | null
  body: unknown
  access: AccessDecision
}

// ---- end access sources ----

// ---- Ports ----

export type SubscriptionEntitlementInput = {
  tenant: string
  member: string
  target: { collection: 'courses' | 'content-items'; id: string }
  /** The content item's category (subscription tiers grant categories), null for courses. */
  category: string | null
}
export type SubscriptionEntitlementResult = { entitled: boolean; reason?: string }

/**
 * Does an active subscription of the member cover this members_only item (a plan's content
 * rules)? Billing may implement it. Fallback: not entitled, so members_only content needs an
 * unexpired access grant (for example a `subscription` grant with `expiresAt` at period end).
 */
export const lmsSubscriptionEntitlementPort = definePort<SubscriptionEntitlementInput, SubscriptionEntitlementResult>(
  'lms.subscriptionEntitlement',
  () => ({ entitled: false }),
)

/** One lesson of `GET /api/courses/:id/outline`, with the viewer's state of it. */
export type CourseOutlineLesson = {
  id: string
  title: string
  itemType: string
  isPreview: boolean
  completed: boolean
  access: AccessDecision
  /** The lesson to complete first when the lesson is locked by a prerequisite or linear navigation. */
  after: { id: string; title: string } | null
}

/**
 * `GET /api/courses/:id/outline`: a published course's syllabus by module, in course order, with
 * each lesson's state for the viewer (a visitor too), the viewer's access to the course, their
 * enrolment and the next lesson to open (the first open lesson not completed yet).
 */
export type CourseOutlineReply = {
  course: {
    id: string
    title: string
    slug: string
    description: string | null
    kind: string
    deliveryMode: string
    navigation: string
    price: { amount: number; currency: string } | null
  }
  access: AccessDecision
  enrollment: { id: string; status: string; progressPct: number; completedAt: string | null } | null
  modules: { id: string; title: string; description: string | null; lessons: CourseOutlineLesson[] }[]
  next: string | null
}

// ---- creator payouts ----

const yearMonth = z
  .string({ message: 'from and to are months written YYYY-MM.' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'from and to are months written YYYY-MM (e.g. 2026-03).' })

/** `GET /api/lms/earnings?from=YYYY-MM&to=YYYY-MM[&tenant=<id>]`: at most 36 months, from ≤ to. */
export const earningsQuery = z
  .object({ from: yearMonth, to: yearMonth, tenant: z.string().uuid('tenant must be a UUID').optional() })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to.', path: ['from'] })
  .refine(
    (q) => {
      const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7))
      return months(q.to) - months(q.from) < 36
    },
    { message: 'Ask for at most 36 months at a time.', path: ['to'] },
  )
export type EarningsQuery = z.infer<typeof earningsQuery>

/** One month of a creator's sales (integer minor units of `currency`), months of the tenant's time zone. */
export type EarningsMonth = {
  /** `YYYY-MM` in the tenant's zone. */
  month: string
  /** Creator sales paid that month (payments carrying a platform fee). */
  gross: number
  /** The platform's fee on those sales. */
  platformFee: number
  /** Refunds of creator sales made that month (whenever the sale was). */
  refunds: number
  /** The part of the platform fee given back with those refunds. */
  platformFeeReversed: number
  /** What the creator keeps: gross − platformFee − refunds + platformFeeReversed. */
  net: number
  payments: number
}
export type EarningsReply = {
  tenant: string
  timeZone: string
  currency: string
  from: string
  to: string
  months: EarningsMonth[]
  totals: Omit<EarningsMonth, 'month'>
}

export type CreatorEarningsInput = { tenant: string; from: string; to: string }
export type CreatorEarningsResult = { timeZone: string; currency: string; months: EarningsMonth[] } | null

/**
 * A creator's sales, fees and refunds by month, computed where the payments live (billing
 * implements it in SQL). Fallback: null (no payments ledger: the earnings endpoint answers every
 * month with zeros).
 */
export const creatorEarningsPort = definePort<CreatorEarningsInput, CreatorEarningsResult>(
  'lms.creatorEarnings',
  () => null,
)

// ---- end creator payouts ----
