import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { BookingCancelPreview } from '../contract'
import { cancellationTerms } from '../operations/classes/cancellationTerms'
import { idParam } from './schemas'

/** GET /api/bookings/:id/cancel-preview → { booking, lateCancel, fee, freeLateCancelsLeft }; changes nothing. */
export const cancelPreviewEndpoint: Endpoint = {
  path: '/:id/cancel-preview',
  method: 'get',
  handler: endpointHandler(async (req): Promise<BookingCancelPreview> => {
    const { id } = idParam.parse(req.routeParams)
    const { booking, lateCancel, fee, freeLateCancelsLeft } = await cancellationTerms(req, id)
    return { booking, lateCancel, fee, freeLateCancelsLeft }
  }),
}
