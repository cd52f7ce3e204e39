import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import type { RsvpCancelPreview } from '../contract'
import { previewRsvpCancel } from '../operations/events/previewRsvpCancel'
import { idParam } from './schemas'

/** GET /api/event-rsvps/:id/cancel-preview → { rsvp, refund: { kind, amount?, currency?, credits? }, placesFreed, promotes? }; changes nothing. */
export const rsvpCancelPreviewEndpoint: Endpoint = {
  path: '/:id/cancel-preview',
  method: 'get',
  handler: endpointHandler(
    async (req): Promise<RsvpCancelPreview> => previewRsvpCancel(req, idParam.parse(req.routeParams).id),
  ),
}
