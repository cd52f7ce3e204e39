import type { CollectionBeforeChangeHook } from 'payload'

/** A new (or re-enabled) subscription without a next run is due at once. */
export const firstRunNow: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const enabling = data.isEnabled !== false && originalDoc?.isEnabled === false
  if (!data.nextRunAt && (!originalDoc?.nextRunAt || enabling)) data.nextRunAt = new Date().toISOString()
  return data
}
