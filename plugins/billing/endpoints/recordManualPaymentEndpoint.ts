import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { recordManualPayment, type ManualPaymentInput } from '../operations/recordManualPayment'

/** `POST /api/payments/manual`: desk staff record a cash or terminal payment. */
export const recordManualPaymentEndpoint: Endpoint = {
  path: '/manual',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => ({ payment: await recordManualPayment(req, body as ManualPaymentInput) }),
    { status: 201, requireUser: true },
  ),
}
