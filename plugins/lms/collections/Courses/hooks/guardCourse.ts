import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { mediaNotReadyAdvice, mediaStatuses } from '../../../operations/mediaReadiness'
import { contentItemsTable } from '../../../operations/sql/contentItemsTable'
import { lessonsTable } from '../../../operations/sql/lessonsTable'

/**
 * 400 `media_not_ready` when a video or audio lesson of the course has a content item whose media
 * is not `ready` (uploading, uploaded, transcoding, failed or gone), naming each such lesson and
 * its status in course order: the content item's own publication rule, applied to the course.
 */
const checkLessonMedia = async (req: PayloadRequest, course: string) => {
  const l = lessonsTable(req)
  const c = contentItemsTable(req)
  const lessons = await runSql<{ title: string; item_type: string; media: string }>(
    req,
    sql`SELECT l.${l.title} AS title, l.${l.itemType}::text AS item_type, c.${c.media} AS media
        FROM ${l.$table} l JOIN ${c.$table} c ON c.${c.id} = l.${l.content}
        WHERE l.${l.course} = ${course} AND l.${l.itemType} IN ('video', 'audio') AND c.${c.media} IS NOT NULL
        ORDER BY l.${l.order} NULLS LAST, l.${l.id}`,
  )
  const statuses = await mediaStatuses(
    req,
    lessons.map((lesson) => String(lesson.media)),
  )
  const notReady = lessons
    .map((lesson) => ({ ...lesson, status: statuses.get(String(lesson.media)) ?? 'missing' }))
    .filter((lesson) => lesson.status !== 'ready')
  if (notReady.length)
    throw new OperationError(
      400,
      'media_not_ready',
      `The media of ${notReady.length === 1 ? 'this lesson is' : 'these lessons are'} not ready: ${notReady
        .map((lesson) => `“${lesson.title}” (${lesson.item_type}, media status: ${lesson.status})`)
        .join(', ')}. ${mediaNotReadyAdvice(notReady.map((lesson) => lesson.status))}`,
    )
}

/**
 * A cohort starts before it ends; publishing needs at least one lesson and its video and audio
 * lessons' media ready (drafts still save); `publishedAt` is set on the first publication.
 */
export const guardCourse: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const start = data.cohortStartDate ?? originalDoc?.cohortStartDate
  const end = data.cohortEndDate ?? originalDoc?.cohortEndDate
  if (start && end && new Date(start) >= new Date(end))
    throw new OperationError(400, 'invalid_cohort', 'A cohort starts before it ends.')
  if (data._status === 'published') {
    const id = originalDoc?.id
    const l = lessonsTable(req)
    const [row] = id
      ? await runSql<{ n: number }>(req, sql`SELECT count(*)::int AS n FROM ${l.$table} WHERE ${l.course} = ${id}`)
      : [{ n: 0 }]
    if (!row || row.n === 0)
      throw new OperationError(400, 'course_without_lessons', 'A course needs at least one lesson before publishing.')
    if (id) await checkLessonMedia(req, String(id))
    data.publishedAt ??= originalDoc?.publishedAt ?? new Date().toISOString()
  }
  return data
}
