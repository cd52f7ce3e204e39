import type { CollectionBeforeChangeHook } from 'payload'
import { idOf, OperationError } from '@/core'
import { classTimezone } from '../../../operations/classes/classTimezone'

/** The end comes after the start on the same day; the zone defaults to the location's, else the tenant's. */
export const guardRuleTimes: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const start = data.startLocal ?? originalDoc?.startLocal
  const end = data.endLocal ?? originalDoc?.endLocal
  if (start && end && start >= end) {
    throw new OperationError(400, 'invalid_times', '`endLocal` must be after `startLocal` on the same day.')
  }
  if (!(data.timezone ?? originalDoc?.timezone)) {
    const location = 'location' in data ? idOf(data.location) : idOf(originalDoc?.location)
    data.timezone = await classTimezone(req, { tenant: idOf(data.tenant ?? originalDoc?.tenant), location })
  }
  return data
}
