import type { CollectionBeforeChangeHook } from 'payload'
import { idOf } from '@/core'
import { classTimezone } from '../../../operations/classes/classTimezone'

/** endTime = startTime + durationMinutes; timezone from the location, else the tenant. */
export const deriveClassTimes: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const start = data.startTime ?? originalDoc?.startTime
  const minutes = Number(data.durationMinutes ?? originalDoc?.durationMinutes ?? 60)
  if (start) data.endTime = new Date(new Date(start).getTime() + minutes * 60_000).toISOString()
  const location = 'location' in data ? idOf(data.location) : idOf(originalDoc?.location)
  data.timezone = await classTimezone(req, { tenant: idOf(data.tenant ?? originalDoc?.tenant), location })
  return data
}
