/** Options of `lmsPlugin()`. */
export type LmsOptions = {
  /** The share of a lesson's media a member must play for it to count as watched (0–1). Default 0.95. */
  completionThreshold?: number
  /** The admin group of the plugin's collections. Default `Learning`. */
  adminGroup?: string
}

/** How a lesson opens. */
export const UNLOCK_MODES = ['none', 'after_days', 'on_date', 'cohort_start', 'prerequisite'] as const
export type UnlockMode = (typeof UNLOCK_MODES)[number]

/** Lesson kinds with a content item as their target (quiz, assignment and live session lessons come with their collections). */
export const LESSON_ITEM_TYPES = ['video', 'audio', 'text'] as const
export type LessonItemType = (typeof LESSON_ITEM_TYPES)[number]

/** The content type a lesson's content item must have, by lesson item type. */
export const CONTENT_TYPE_OF: Record<LessonItemType, 'video' | 'audio' | 'written'> = {
  video: 'video',
  audio: 'audio',
  text: 'written',
}

export const VISIBILITIES = ['public', 'private', 'members_only', 'purchased_only'] as const
export const ACCESS_TYPES = ['purchased', 'subscription', 'complimentary', 'preview', 'booking', 'enrollment'] as const
export type AccessType = (typeof ACCESS_TYPES)[number]
export const ENROLLMENT_STATUSES = ['active', 'completed', 'dropped', 'expired'] as const
export const ENROLLMENT_SOURCES = ['free', 'purchase', 'subscription', 'complimentary', 'offering'] as const
