import type { CollectionBeforeChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, hasCollection, idOf, runSql } from '@/core'
import { CONTENT_TYPE_OF, type LessonItemType } from '../../../types'
import { checkLiveClass } from '../../../operations/checkLiveClass'
import { contentItemsTable } from '../../../operations/sql/contentItemsTable'
import { checkUnlockRule } from '../../../operations/checkUnlockRule'

/**
 * Keeps a lesson consistent: its course is its module's; its one target (a content item of the
 * lesson's type, a quiz of a quiz lesson, an assignment of an assignment lesson, a class of a live
 * lesson) is set, of the same tenant, and any other target is cleared; an unlock rule has what it
 * needs; a prerequisite is another lesson of the same course and does not lead back to this one
 * (400 `prerequisite_cycle`).
 */
export const guardLesson: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const moduleId = idOf(data.module ?? originalDoc?.module)
  const courseModule = moduleId
    ? await req.payload
        .findByID({ collection: 'course-modules', id: moduleId, depth: 0, select: { course: true }, req })
        .catch(() => null)
    : null
  const course = idOf(courseModule?.course)
  if (!course) throw new OperationError(400, 'invalid_module', 'A lesson belongs to an existing module.')
  data.course = course

  const itemType = (data.itemType ?? originalDoc?.itemType ?? 'video') as LessonItemType
  const targets = {
    content: idOf(data.content !== undefined ? data.content : originalDoc?.content),
    quiz: idOf(data.quiz !== undefined ? data.quiz : originalDoc?.quiz),
    assignment: idOf(data.assignment !== undefined ? data.assignment : originalDoc?.assignment),
  }
  const field =
    itemType === 'quiz' ? 'quiz' : itemType === 'assignment' ? 'assignment' : itemType === 'live' ? null : 'content'
  // Exactly one target: the one of the lesson's type (a target left over from another type is cleared).
  for (const other of ['content', 'quiz', 'assignment'] as const) if (other !== field) data[other] = null
  const tenant = idOf(data.tenant ?? originalDoc?.tenant)
  // ---- live lessons ----
  const liveClasses = hasCollection(req.payload, 'classes')
  if (liveClasses && itemType !== 'live') data.liveClass = null
  if (itemType === 'live') {
    if (!liveClasses)
      throw new OperationError(400, 'invalid_target', 'Live-session lessons need the bookings plugin (its classes).')
    await checkLiveClass(req, {
      liveClass: idOf(data.liveClass !== undefined ? data.liveClass : originalDoc?.liveClass),
      tenant,
    })
  } else if (itemType === 'quiz' || itemType === 'assignment') {
    // ---- /live lessons ----
    const target = targets[itemType]
    const row = target
      ? await req.payload
          .findByID({
            collection: itemType === 'quiz' ? 'quizzes' : 'assignments',
            id: target,
            depth: 0,
            select: { tenant: true },
            req,
          })
          .catch(() => null)
      : null
    if (!row)
      throw new OperationError(
        400,
        'invalid_target',
        `A ${itemType} lesson needs ${itemType === 'quiz' ? 'a quiz' : 'an assignment'}.`,
      )
    if (tenant && idOf(row.tenant) !== tenant)
      throw new OperationError(400, 'target_mismatch', `The ${itemType} belongs to another business.`)
  } else {
    const contentType = CONTENT_TYPE_OF[itemType]
    const c = contentItemsTable(req)
    const [content] = targets.content
      ? await runSql<{ content_type: string }>(
          req,
          sql`SELECT ${c.contentType} AS content_type FROM ${c.$table} WHERE ${c.id} = ${targets.content}`,
        )
      : []
    if (!content) throw new OperationError(400, 'invalid_target', `A ${itemType} lesson needs a content item.`)
    if (content.content_type !== contentType)
      throw new OperationError(
        400,
        'target_mismatch',
        `A ${itemType} lesson plays a ${contentType} content item, not a ${content.content_type} one.`,
      )
  }

  const unlock = { ...(originalDoc?.unlock ?? {}), ...(data.unlock ?? {}) }
  await checkUnlockRule(req, {
    kind: 'lesson',
    course,
    id: originalDoc?.id ? String(originalDoc.id) : null,
    title: String(data.title ?? originalDoc?.title ?? ''),
    module: moduleId ?? null,
    unlock,
  })
  return data
}
