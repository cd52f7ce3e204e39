import type { TypedUser } from 'payload'
import type { AppointmentCancelPreview, RefundPlan, RsvpCancelPreview } from '@plugins/bookings/contract'
import { callEndpoint } from './callEndpoint'

/**
 * What cancelling the member's RSVP or appointment would give back, from the bookings plugin's own
 * preview (`GET /api/{event-rsvps,appointments}/:id/cancel-preview`, the terms its cancel decides
 * with), as the member. Null when it cannot be cancelled or the plugin is not installed.
 */
export const cancelPreview = async (
  collection: 'event-rsvps' | 'appointments',
  id: string,
  user: TypedUser | null | undefined,
): Promise<RefundPlan | null> => {
  const answer = await callEndpoint<Partial<RsvpCancelPreview | AppointmentCancelPreview>>({
    collection,
    path: '/:id/cancel-preview',
    method: 'get',
    routeParams: { id },
    user,
  })
  return answer.ok ? (answer.body.refund ?? null) : null
}
