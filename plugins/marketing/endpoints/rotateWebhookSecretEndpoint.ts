import type { Endpoint } from 'payload'
import { endpointHandler } from '@/core'
import { rotateSigningSecret } from '../operations/webhooks/rotateSigningSecret'

/** `POST /api/webhook-endpoints/:id/rotate-secret`: a new signing secret, the old one valid for an overlap (managers). */
export const rotateWebhookSecretEndpoint = (overlapHours: number): Endpoint => ({
  path: '/:id/rotate-secret',
  method: 'post',
  handler: endpointHandler(
    async (req, body) => rotateSigningSecret(req, String(req.routeParams?.id ?? ''), body, overlapHours),
    { status: 200, requireUser: true },
  ),
})
