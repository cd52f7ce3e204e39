import type { CollectionBeforeChangeHook } from 'payload'
import { addDays, fromWallTime, OperationError } from '@/core'
import { facilityZone } from '../../../operations/facilityZone'

const idOf = (value: unknown): string | null =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : value ? String(value) : null

const midnight = (date: string, zone: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return fromWallTime({ year, month, day, hour: 0, minute: 0 }, zone)
}

/**
 * A full-day closure runs local midnight to midnight of its `date` in its location's zone (else the
 * business's; a DST day lasts 23 or 25 hours); any closure ends after it starts.
 */
export const closureWindow: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  if (merged.isFullDay) {
    if (typeof merged.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(merged.date))
      throw new OperationError(400, 'invalid_input', 'A full-day closure needs its date (YYYY-MM-DD).')
    const zone = await facilityZone(req, { tenant: idOf(merged.tenant)!, location: idOf(merged.location) })
    data.startAt = midnight(merged.date, zone).toISOString()
    data.endAt = midnight(addDays(merged.date, 1), zone).toISOString()
  }
  const start = Date.parse(String(data.startAt ?? merged.startAt))
  const end = Date.parse(String(data.endAt ?? merged.endAt))
  if (!Number.isFinite(start) || !Number.isFinite(end))
    throw new OperationError(400, 'invalid_input', 'A closure needs startAt and endAt (or a full day and its date).')
  if (end <= start) throw new OperationError(400, 'invalid_input', 'A closure ends after it starts.')
  return data
}
