import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { idOf } from '@/core'
import { scheduleChanged } from '../../../operations/sql/scheduleChanged'

/** Any saved or deleted class drops its tenant's cached schedules, in every process once it commits. */
export const forgetCachedSchedule: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({ doc, req }) => {
  const tenant = idOf(doc?.tenant)
  if (tenant) await scheduleChanged(req, tenant)
  return doc
}
