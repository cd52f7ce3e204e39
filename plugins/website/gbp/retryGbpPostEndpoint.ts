import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { retryGbpPost } from './retryGbpPost'

/** `POST /api/gbp-posts/:id/retry`: sends a failed post to Google again (managers of its tenant). */
export const retryGbpPostEndpoint: Endpoint = {
  path: '/:id/retry',
  method: 'post',
  handler: endpointHandler(async (req) => retryGbpPost(req, String(req.routeParams?.id ?? '')), {
    status: 202,
    requireUser: true,
  }),
}
