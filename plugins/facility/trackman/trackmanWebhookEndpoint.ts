import type { Endpoint, PayloadRequest } from 'payload'
import { endpointHandler } from '@/core'
import { receiveTrackmanWebhook } from './receiveTrackmanWebhook'
import { TRACKMAN_SIGNATURE_HEADER } from './trackmanSignatureHeader'

/**
 * `POST /api/facility/trackman/webhook`: Trackman session events. The raw body is read first (the
 * signature covers the exact bytes), then verified, recorded once and applied in one transaction.
 */
export const trackmanWebhookEndpoint = (options: { toleranceSeconds: number }): Endpoint => ({
  path: '/facility/trackman/webhook',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const raw = req.text ? await req.text() : ''
    const signature = req.headers.get(TRACKMAN_SIGNATURE_HEADER)
    return endpointHandler((r) => receiveTrackmanWebhook(r, { raw, signature }, options))(req)
  },
})
