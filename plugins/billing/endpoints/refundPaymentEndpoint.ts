import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler, OperationError } from '@/core'
import { refundPayment } from '../operations/refundPayment'

const body = z.object({ amount: z.unknown(), reason: z.unknown() })

/** `POST /api/payments/:id/refund` with `{ amount, reason }`. */
export const refundPaymentEndpoint: Endpoint = {
  path: '/:id/refund',
  method: 'post',
  handler: endpointHandler(
    async (req, raw) => {
      const parsed = body.safeParse(raw ?? {})
      if (!parsed.success) throw new OperationError(400, 'invalid_input', 'Send { amount, reason }.')
      return refundPayment(req, {
        payment: String(req.routeParams?.id ?? ''),
        ...(parsed.data as { amount: number; reason: string }),
      })
    },
    { requireUser: true },
  ),
}
