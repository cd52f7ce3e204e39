import type { Endpoint } from 'payload'
import { cancellationTerms } from '../operations/cancellationTerms'
import { idParam } from './schemas'
import { withTransaction } from './withTransaction'

/** GET /api/bookings/:id/cancel-preview → { booking, lateCancel, fee, freeLateCancelsLeft }; changes nothing. */
export const cancelPreviewEndpoint: Endpoint = {
  path: '/:id/cancel-preview',
  method: 'get',
  handler: (req) =>
    withTransaction(req, async () => {
      const { id } = idParam.parse(req.routeParams)
      const { booking, lateCancel, fee, freeLateCancelsLeft } = await cancellationTerms(req, id)
      return Response.json({ booking, lateCancel, fee, freeLateCancelsLeft })
    }),
}
