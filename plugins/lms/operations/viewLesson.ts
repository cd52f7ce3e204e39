import type { PayloadRequest } from 'payload'
import type { AccessDecision } from '../contract'
import { lessonAccess } from './mayAccess'
import { refusal } from './refusal'

export type LessonView = {
  lesson: {
    id: string
    title: string
    itemType: string
    course: string
    module: string | null
    isPreview: boolean
  }
  content: {
    id: string
    title: string
    contentType: string
    /** The media document to play (only ever sent once access is allowed). */
    media: string | null
    body: unknown
  } | null
  access: AccessDecision
}

/**
 * A lesson opened by the signed-in member (or a visitor, for preview lessons): the access decision
 * first; a refusal (401, 403 `lesson_locked` / `no_access` / …, 404) carries no media. When allowed,
 * the lesson with its content item's media id and body.
 */
export const viewLesson = async (req: PayloadRequest, id: string): Promise<LessonView> => {
  const { decision, lesson } = await lessonAccess(req, { lesson: id })
  if (!decision.allowed || !lesson) throw refusal(decision.allowed ? { allowed: false, reason: 'not_found' } : decision)
  const item = lesson.content
    ? await req.payload.findByID({ collection: 'content-items', id: lesson.content, depth: 0, draft: false, req })
    : null
  return {
    lesson: {
      id: lesson.id,
      title: lesson.title,
      itemType: lesson.item_type,
      course: lesson.course,
      module: lesson.module,
      isPreview: lesson.is_preview,
    },
    content: item
      ? {
          id: String(item.id),
          title: item.title,
          contentType: item.contentType,
          media: item.media ? String(typeof item.media === 'object' ? item.media.id : item.media) : null,
          body: item.body ?? null,
        }
      : null,
    access: decision,
  }
}
