import type { PayloadRequest } from 'payload'

/**
 * Cancels a class or an event through its collection, with the caller's access (managers only) —
 * the same as `PATCH { status: 'cancelled' }`: the collection's hooks cancel its bookings or RSVPs
 * and refund them in the request's transaction. Returns the updated document.
 */
export const markCancelled = (
  req: PayloadRequest,
  collection: 'classes' | 'events',
  id: string,
  cancellationReason: string,
): Promise<unknown> =>
  req.payload.update({
    collection,
    id,
    data: { status: 'cancelled', cancellationReason },
    req,
    overrideAccess: false,
    depth: 0,
  })
