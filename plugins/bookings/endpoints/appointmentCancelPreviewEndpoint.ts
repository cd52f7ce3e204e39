import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { previewAppointmentCancel } from '../operations/appointments/previewAppointmentCancel'
import { idParam } from './schemas'

/** GET /api/appointments/:id/cancel-preview → { appointment, refund: { kind, amount?, currency?, credits? } }; changes nothing. */
export const appointmentCancelPreviewEndpoint: Endpoint = {
  path: '/:id/cancel-preview',
  method: 'get',
  handler: endpointHandler(async (req) => previewAppointmentCancel(req, idParam.parse(req.routeParams).id)),
}
