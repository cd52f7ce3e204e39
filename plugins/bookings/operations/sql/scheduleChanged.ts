import { siteChanged } from '@/core'
import { scheduleCache } from '../classes/scheduleCache'

/**
 * The one call after a write that changes a tenant's classes or places. Raw SQL skips collection
 * hooks, so every SQL writer of classes or bookings calls this itself (the Classes hook calls it too).
 */
export const scheduleChanged = (tenant: string): void => {
  scheduleCache.invalidate(tenant)
  siteChanged(tenant, 'schedule')
}
