import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { retryOutboxRow } from './retryOutboxRow'

/** `POST /api/hubspot-outbox/:id/retry`: sends a (dead) row again (managers). */
export const retryOutboxEndpoint: Endpoint = {
  path: '/:id/retry',
  method: 'post',
  handler: endpointHandler(async (req) => retryOutboxRow(req, String(req.routeParams?.id ?? '')), {
    status: 202,
    requireUser: true,
  }),
}
