import type { CollectionAfterChangeHook } from 'payload'
import { cancelEventRsvps } from '../../../operations/events/cancelEventRsvps'

/** When an event becomes cancelled (PATCH or the cancel endpoint) its RSVPs are cancelled and refunded in the same transaction. */
export const cancelRsvpsOfCancelledEvent: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && doc.status === 'cancelled' && previousDoc?.status !== 'cancelled') {
    await cancelEventRsvps(req, { eventId: String(doc.id), reason: doc.cancellationReason ?? 'event_cancelled' })
    return { ...doc, goingCount: 0, waitlistCount: 0 }
  }
  return doc
}
