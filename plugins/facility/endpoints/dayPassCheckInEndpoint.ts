import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { checkInDayPass } from '../operations/dayPasses'
import { idParam } from './schemas'

/** POST /api/day-passes/:id/check-in `{ guest? }` (desk staff) → 200 the pass spent and the guest's check-in; 409 `pass_used`. */
export const dayPassCheckInEndpoint: Endpoint = {
  path: '/:id/check-in',
  method: 'post',
  handler: endpointHandler(async (req, body) => checkInDayPass(req, idParam.parse(req.routeParams).id, body), {
    status: 200,
    requireUser: true,
  }),
}
