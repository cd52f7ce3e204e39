import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { MoveReservationInput } from '../contract'
import type { AccessCodeOptions } from '../operations/accessCode'
import { moveReservation } from '../operations/moveReservation'
import { idParam } from './schemas'

/**
 * POST /api/reservations/:id/move `{ resource?, startAt, endAt }` (desk staff) → 200 the moved
 * reservation; 409 `slot_taken` when the new range collides (the exclusion constraint decides).
 */
export const moveEndpoint = (codes: AccessCodeOptions): Endpoint => ({
  path: '/:id/move',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => moveReservation(req, idParam.parse(req.routeParams).id, body as MoveReservationInput, codes),
    { status: 200, requireUser: true },
  ),
})
