import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { AccessCodeOptions } from '../operations/accessCode'
import { approveReservation } from '../operations/approveReservation'
import { emptyBody, idParam } from './schemas'

/** POST /api/reservations/:id/approve (desk staff) → 200 the confirmed reservation with its door code. */
export const approveEndpoint = (codes: AccessCodeOptions): Endpoint => ({
  path: '/:id/approve',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => {
      emptyBody.parse(body)
      return approveReservation(req, idParam.parse(req.routeParams).id, codes)
    },
    { status: 200, requireUser: true },
  ),
})
