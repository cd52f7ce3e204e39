import type { CollectionBeforeChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, idOf, runSql } from '@/core'
import { CONTENT_TYPE_OF, type LessonItemType } from '../../../types'
import { contentItemsTable } from '../../../operations/sql/contentItemsTable'
import { prerequisiteCycle } from '../../../operations/prerequisiteCycle'

/**
 * Keeps a lesson consistent: its course is its module's; its one target (the content item)
 * matches its item type; an unlock rule has what it needs; a prerequisite is another lesson of
 * the same course and does not lead back to this one (400 `prerequisite_cycle`).
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

  const itemType = (data.itemType ?? originalDoc?.itemType) as LessonItemType
  const contentId = idOf(data.content ?? originalDoc?.content)
  const c = contentItemsTable(req)
  const [content] = contentId
    ? await runSql<{ content_type: string }>(
        req,
        sql`SELECT ${c.contentType} AS content_type FROM ${c.$table} WHERE ${c.id} = ${contentId}`,
      )
    : []
  if (!content) throw new OperationError(400, 'invalid_target', `A ${itemType} lesson needs a content item.`)
  if (content.content_type !== CONTENT_TYPE_OF[itemType])
    throw new OperationError(
      400,
      'target_mismatch',
      `A ${itemType} lesson plays a ${CONTENT_TYPE_OF[itemType]} content item, not a ${content.content_type} one.`,
    )

  const unlock = { ...(originalDoc?.unlock ?? {}), ...(data.unlock ?? {}) }
  const mode = unlock.mode ?? 'none'
  if (mode === 'after_days' && !(Number.isSafeInteger(unlock.days) && unlock.days >= 0))
    throw new OperationError(400, 'invalid_unlock', 'An after_days rule needs unlock.days (0 or more whole days).')
  if (mode === 'on_date' && !unlock.date)
    throw new OperationError(400, 'invalid_unlock', 'An on_date rule needs unlock.date.')
  const prerequisite = idOf(unlock.prerequisite)
  if (mode === 'prerequisite') {
    if (!prerequisite)
      throw new OperationError(400, 'invalid_unlock', 'A prerequisite rule needs unlock.prerequisite (a lesson).')
    if (originalDoc?.id && prerequisite === String(originalDoc.id))
      throw new OperationError(400, 'prerequisite_cycle', 'A lesson cannot be its own prerequisite.')
    if (originalDoc?.id && (await prerequisiteCycle(req, String(originalDoc.id), prerequisite)))
      throw new OperationError(
        400,
        'prerequisite_cycle',
        'This prerequisite leads back to this lesson: prerequisites cannot form a cycle.',
      )
  }
  return data
}
