import type { PayloadRequest } from 'payload'
import { afterCommit, siteChanged } from '@/core'
import { announceScheduleChange } from '../classes/scheduleBus'
import { scheduleCache } from '../classes/scheduleCache'

/**
 * The one call after a write that changes a tenant's classes or places. Raw SQL skips collection
 * hooks, so every SQL writer of classes or bookings calls this itself (the Classes hook calls it
 * too). Drops this process's cached schedules of the tenant at once and again when the request's
 * transaction commits (a read in between may have cached the old places), then tells the other
 * processes (scheduleBus.ts). The tenant site's cached schedule pages are marked stale too (siteChanged).
 */
export const scheduleChanged = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  tenant: string,
): Promise<void> => {
  scheduleCache.invalidate(tenant)
  siteChanged(tenant, 'schedule')
  await afterCommit(req, () => {
    scheduleCache.invalidate(tenant)
    announceScheduleChange(req.payload, tenant)
  })
}
