import type { Endpoint, PayloadRequest } from 'payload'
import { endpointHandler } from '@/core'
import { receiveHubspotWebhook } from './receiveHubspotWebhook'
import { HUBSPOT_SIGNATURE_HEADER, HUBSPOT_TIMESTAMP_HEADER } from './verifyHubspotSignature'

/** The request's full URI as HubSpot called it (the signature covers it). */
const uriOf = (req: PayloadRequest) => {
  const url = req.url ?? ''
  if (/^https?:\/\//.test(url)) return url
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? 'localhost'
  const proto = req.headers.get('x-forwarded-proto') ?? 'http'
  return `${proto}://${host}${url}`
}

/**
 * `POST /api/hubspot/webhook`: HubSpot's webhook subscriptions (v3 signatures). The raw body is read
 * first (the signature covers the exact bytes), then verified, recorded once per event and applied
 * in one transaction.
 */
export const hubspotWebhookEndpoint = (options: { toleranceMs: number }): Endpoint => ({
  path: '/hubspot/webhook',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const raw = req.text ? await req.text() : ''
    const input = {
      raw,
      method: 'POST',
      uri: uriOf(req),
      signature: req.headers.get(HUBSPOT_SIGNATURE_HEADER),
      timestamp: req.headers.get(HUBSPOT_TIMESTAMP_HEADER),
    }
    return endpointHandler((r) => receiveHubspotWebhook(r, input, options))(req)
  },
})
