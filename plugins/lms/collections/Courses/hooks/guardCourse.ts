import type { CollectionBeforeChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { lessonsTable } from '../../../operations/sql/lessonsTable'

/**
 * A cohort starts before it ends; publishing needs at least one lesson; `publishedAt` is set on
 * the first publication.
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
    data.publishedAt ??= originalDoc?.publishedAt ?? new Date().toISOString()
  }
  return data
}
