import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { setSubscriptionPaused } from '../operations/pauseSubscription'

/** `POST /api/subscriptions/:id/pause` with `{ until? }` (desk staff). */
export const pauseSubscriptionEndpoint: Endpoint = {
  path: '/:id/pause',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => setSubscriptionPaused(req, String(req.routeParams?.id ?? ''), true, body),
    { requireUser: true },
  ),
}

/** `POST /api/subscriptions/:id/resume` (desk staff). */
export const resumeSubscriptionEndpoint: Endpoint = {
  path: '/:id/resume',
  method: 'post',
  handler: endpointHandler(async (req) => setSubscriptionPaused(req, String(req.routeParams?.id ?? ''), false), {
    requireUser: true,
  }),
}
