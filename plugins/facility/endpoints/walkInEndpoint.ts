import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { WalkInInput } from '../contract'
import type { AccessCodeOptions } from '../operations/accessCode'
import { bookWalkIn } from '../operations/bookWalkIn'

/**
 * POST /api/reservations/walk-in { resource, startAt, endAt, lead, guests?, extraGuests?, payment?, notes? }
 * (desk staff) → 201 the walk-in party's reservation with its fee (and the desk payment's order);
 * the booking's 409/422 refusals; 403 for members, 404 for anyone else.
 */
export const walkInEndpoint = (codes: AccessCodeOptions, options: { holdMinutes: number }): Endpoint => ({
  path: '/walk-in',
  method: 'post',
  handler: endpointHandler(async (req, body) => bookWalkIn(req, body as WalkInInput, codes, options), {
    status: 201,
    requireUser: true,
  }),
})
