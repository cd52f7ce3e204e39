import type { CollectionBeforeChangeHook } from 'payload'
import { idOf } from '@/core'
import { classTimezone } from '../../../operations/classes/classTimezone'

/** A series without a zone takes its default location's, else its tenant's. */
export const deriveSeriesTimezone: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  if (!data.timezone && !originalDoc?.timezone) {
    data.timezone = await classTimezone(req, {
      tenant: idOf(data.tenant ?? originalDoc?.tenant),
      location: idOf(data.defaults?.location ?? originalDoc?.defaults?.location),
    })
  }
  return data
}
