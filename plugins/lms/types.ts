/** Options of `lmsPlugin()`. */
export type LmsOptions = {
  /** The share of a lesson's media a member must play for it to count as watched (0–1). Default 0.95. */
  completionThreshold?: number
  /** The admin group of the plugin's collections. Default `Learning`. */
  adminGroup?: string
  /** Assignment file uploads (`assignment-files`): the largest file a member may hand in, in bytes. Default 25 MB. */
  assignmentFileMaxBytes?: number
  /** How many files one assignment submission may carry. Default 3 (also the most one upload request takes). */
  assignmentFilesPerSubmission?: number
  /** The MIME types a member may hand in (checked against the file's first bytes where cheap). Default `ASSIGNMENT_FILE_TYPES`. */
  assignmentFileTypes?: string[]
}

/** What members may hand in by default: PDF, images, Word/PowerPoint/Excel documents, zip archives and plain text. */
export const ASSIGNMENT_FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/zip',
  'text/plain',
]

/** How a lesson opens. */
export const UNLOCK_MODES = ['none', 'after_days', 'on_date', 'cohort_start', 'prerequisite'] as const
export type UnlockMode = (typeof UNLOCK_MODES)[number]

/** Lesson kinds with a content item as their target. */
export const CONTENT_LESSON_TYPES = ['video', 'audio', 'text'] as const
export type ContentLessonType = (typeof CONTENT_LESSON_TYPES)[number]

/**
 * Every lesson kind: a content item (video, audio, text), a quiz (completed by passing it), an
 * assignment (completed when staff grade it at or above its passing points) or a live session (a
 * bookings class, when bookings is installed: completed when the member checks in or staff mark it done).
 */
export const LESSON_ITEM_TYPES = [...CONTENT_LESSON_TYPES, 'quiz', 'assignment', 'live'] as const
export type LessonItemType = (typeof LESSON_ITEM_TYPES)[number]

/** The content type a lesson's content item must have, by lesson item type. */
export const CONTENT_TYPE_OF: Record<ContentLessonType, 'video' | 'audio' | 'written'> = {
  video: 'video',
  audio: 'audio',
  text: 'written',
}

export const VISIBILITIES = ['public', 'private', 'members_only', 'purchased_only'] as const
export const ACCESS_TYPES = ['purchased', 'subscription', 'complimentary', 'preview', 'booking', 'enrollment'] as const
export type AccessType = (typeof ACCESS_TYPES)[number]
export const ENROLLMENT_STATUSES = ['active', 'completed', 'dropped', 'expired'] as const
export const ENROLLMENT_SOURCES = ['free', 'purchase', 'subscription', 'complimentary', 'offering'] as const

/** Who grades assignment submissions (and returns them): the tenant's teaching staff and managers. */
export const GRADER_ROLES = ['owner', 'admin', 'manager', 'instructor', 'coach', 'creator'] as const

/** Where an assignment submission stands: waiting for staff, graded, or returned for resubmission. */
export const SUBMISSION_STATUSES = ['submitted', 'graded', 'returned'] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

/** When an assignment is due: never, N days after enrolment, or on a date. */
export const DUE_MODES = ['none', 'after_days', 'on_date'] as const
