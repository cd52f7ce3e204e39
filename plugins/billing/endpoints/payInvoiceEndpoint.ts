import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { payInvoice } from '../operations/payInvoice'

/** `POST /api/invoices/:id/pay` with `{ provider: 'cash' | 'terminal' | 'manual' }` (desk staff). */
export const payInvoiceEndpoint: Endpoint = {
  path: '/:id/pay',
  method: 'post',
  handler: endpointHandler(async (req, body) => payInvoice(req, String(req.routeParams?.id ?? ''), body), {
    requireUser: true,
  }),
}
