import type { PayloadRequest } from 'payload'
import type { Subscriber } from '@/core'
import { TRACKMAN_SYNC_TASK } from './jobs/taskSlugs'
import { trackmanConnection } from './trackmanConnection'

/** Queues the sync of a reservation when its tenant syncs with Trackman (the job does the HTTP). */
const queueSync = async (req: PayloadRequest, tenant: string | null, reservation: string) => {
  if (!tenant || !(await trackmanConnection(req, tenant))) return
  await req.payload.jobs.queue({ task: TRACKMAN_SYNC_TASK, input: { tenant, reservation }, req })
}

/** Booked, approved, moved or cancelled: the reservation's Trackman booking is synced from the queue. */
export const trackmanSubscribers: Subscriber[] = [
  {
    name: 'facility.trackmanOnBooked',
    event: 'reservation.booked',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.reservation),
  } satisfies Subscriber<'reservation.booked'>,
  {
    name: 'facility.trackmanOnApproved',
    event: 'reservation.approved',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.reservation),
  } satisfies Subscriber<'reservation.approved'>,
  {
    name: 'facility.trackmanOnMoved',
    event: 'reservation.moved',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.reservation),
  } satisfies Subscriber<'reservation.moved'>,
  {
    name: 'facility.trackmanOnCancelled',
    event: 'reservation.cancelled',
    handler: (event, { req }) => queueSync(req, event.tenant, event.data.reservation),
  } satisfies Subscriber<'reservation.cancelled'>,
] as Subscriber[]
