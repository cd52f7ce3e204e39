import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError, idOf } from '@/core'
import { checkUnlockRule } from '../../../operations/checkUnlockRule'

/** A module's unlock rule has what it needs and its prerequisites form no cycle (400 `prerequisite_cycle` naming it). */
export const guardModule: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const course = idOf(data.course ?? originalDoc?.course)
  if (!course) throw new OperationError(400, 'invalid_course', 'A module belongs to a course.')
  const unlock = { ...(originalDoc?.unlock ?? {}), ...(data.unlock ?? {}) }
  await checkUnlockRule(req, {
    kind: 'module',
    course,
    id: originalDoc?.id ? String(originalDoc.id) : null,
    title: String(data.title ?? originalDoc?.title ?? ''),
    unlock,
  })
  return data
}
