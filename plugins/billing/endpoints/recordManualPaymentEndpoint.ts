import type { Endpoint } from 'payload'
import { recordManualPayment, type ManualPaymentInput } from '../operations/recordManualPayment'
import { respond } from './respond'

/** `POST /api/payments/manual`: desk staff record a cash or terminal payment. */
export const recordManualPaymentEndpoint: Endpoint = {
  path: '/manual',
  method: 'post',
  handler: respond(async (req, body) => ({ payment: await recordManualPayment(req, body as ManualPaymentInput) }), 201),
}
