import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { idOf } from '@/core'
import { scheduleChanged } from '../../../operations/sql/scheduleChanged'

/** Any saved or deleted class drops its tenant's cached schedules in this process. */
export const forgetCachedSchedule: CollectionAfterChangeHook & CollectionAfterDeleteHook = ({ doc }) => {
  const tenant = idOf(doc?.tenant)
  if (tenant) scheduleChanged(tenant)
  return doc
}
