import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { BookReservationInput } from '../contract'
import type { AccessCodeOptions } from '../operations/accessCode'
import { bookReservation } from '../operations/bookReservation'

/**
 * POST /api/reservations/book { resource, startAt, endAt, member?, participants?, notes? }
 * → 201 the reservation with its door code and fee; 409 `slot_taken` when another reservation
 * holds part of the range (buffers included), `closed`, `too_many_active`; 422 for rule breaches.
 */
export const bookEndpoint = (codes: AccessCodeOptions): Endpoint => ({
  path: '/book',
  method: 'post',
  handler: endpointHandler(async (req, body) => bookReservation(req, body as BookReservationInput, codes), {
    status: 201,
    requireUser: true,
  }),
})
