import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { requestReceipt } from '../operations/requestReceipt'

/** `POST /api/orders/:id/receipt` with `{ email? }` → 202 `{ queued, to }`; the mail leaves from the jobs queue. */
export const receiptEndpoint: Endpoint = {
  path: '/:id/receipt',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => requestReceipt(req, { ...(body as object), order: String(req.routeParams?.id ?? '') }),
    { status: 202, requireUser: true },
  ),
}
