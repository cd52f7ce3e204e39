import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError, idOf } from '@/core'

/** A grant targets exactly one course or content item; `grantedAt` defaults to now. */
export const guardGrant: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const course = idOf(data.course !== undefined ? data.course : originalDoc?.course)
  const item = idOf(data.contentItem !== undefined ? data.contentItem : originalDoc?.contentItem)
  if (Boolean(course) === Boolean(item))
    throw new OperationError(400, 'invalid_target', 'A grant is for exactly one course or content item.')
  data.grantedAt ??= originalDoc?.grantedAt ?? new Date().toISOString()
  return data
}
