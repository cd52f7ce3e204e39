import type { PayloadRequest, TaskConfig } from 'payload'
import { syncReservationToTrackman } from '../syncReservationToTrackman'
import { TRACKMAN_SYNC_TASK } from './taskSlugs'

/**
 * Brings one reservation's Trackman booking up to date (queued by the reservation events);
 * retried with backoff while Trackman is down or slow.
 */
export const trackmanSyncTask = (options: { timeoutMs: number; attempts: number }): TaskConfig => ({
  slug: TRACKMAN_SYNC_TASK,
  label: 'Sync a reservation to Trackman',
  retries: { attempts: 6, backoff: { type: 'exponential', delay: 5000 } },
  inputSchema: [
    { name: 'tenant', type: 'text', required: true },
    { name: 'reservation', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const { tenant, reservation } = input as { tenant: string; reservation: string }
    const own = { ...req, transactionID: undefined } as PayloadRequest
    const outcome = await syncReservationToTrackman(own, { tenant, reservation }, options)
    return { output: { outcome } }
  },
})
