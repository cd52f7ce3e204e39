import type { Endpoint, PayloadRequest } from 'payload'
import { endpointHandler } from '@/core'
import { receiveEmailEvents } from '../../operations/suppression/receiveEmailEvents'
import { receiveSmsWebhook } from '../../operations/suppression/receiveSmsWebhook'
import { EMAIL_EVENTS_SIGNATURE_HEADER } from '../../operations/suppression/signatures'

/**
 * `POST /api/message-logs/email-events` (a message-logs endpoint): the mail provider's delivery
 * events. The raw body is read first: the signature covers its exact bytes.
 */
export const emailEventsEndpoint: Endpoint = {
  path: '/email-events',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    const raw = req.text ? await req.text() : ''
    const signature = req.headers.get(EMAIL_EVENTS_SIGNATURE_HEADER)
    return endpointHandler((r) => receiveEmailEvents(r, { raw, signature }, process.env.EMAIL_WEBHOOK_SECRET))(req)
  },
}

/**
 * The URLs Twilio may have signed: the one this request arrived at and, behind a proxy, the same
 * path on `SMS_WEBHOOK_BASE_URL` (else the app's serverURL), which is what Twilio is configured with.
 */
const signedUrls = (req: PayloadRequest) => {
  const here = new URL(req.url ?? 'http://localhost/')
  const base = (process.env.SMS_WEBHOOK_BASE_URL || req.payload.config.serverURL || '').replace(/\/+$/, '')
  return [...new Set([here.toString(), ...(base ? [`${base}${here.pathname}${here.search}`] : [])])]
}

const twiml = () =>
  new Response('<?xml version="1.0" encoding="UTF-8"?><Response></Response>', {
    status: 200,
    headers: { 'content-type': 'text/xml; charset=utf-8' },
  })

/**
 * `POST /api/sms/inbound` (texts to our number) and `POST /api/sms/status` (status callbacks):
 * form-encoded like Twilio. The auth token is the SMS adapter's (`smsAdapter.webhookAuthToken`),
 * else `SMS_AUTH_TOKEN`. An inbound text is answered with an empty TwiML `<Response>` (the
 * provider sends its own opt-out confirmation), a status callback with JSON.
 */
export const smsWebhookEndpoints = (authToken: () => string | undefined): Endpoint[] =>
  (['/sms/inbound', '/sms/status'] as const).map((path) => ({
    path,
    method: 'post',
    handler: async (req: PayloadRequest) => {
      const raw = req.text ? await req.text() : ''
      const params = [...new URLSearchParams(raw).entries()]
      const signature = req.headers.get('x-twilio-signature')
      const urls = signedUrls(req)
      return endpointHandler(async (r) => {
        const outcome = await receiveSmsWebhook(r, { params, signature, urls }, authToken())
        return outcome.kind === 'inbound' ? twiml() : outcome
      })(req)
    },
  }))
