import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { endpointHandler, escapeHtml } from '@/core'
import { unsubscribe } from '../operations/messaging/unsubscribe'
import { unsubscribeLead } from '../operations/messaging/unsubscribeLead' // Lead recipients

const tokenOf = (req: PayloadRequest) => z.string().min(10).max(400).parse(req.query?.token)

const page = (title: string, body: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`,
    { headers: { 'content-type': 'text/html; charset=utf-8' } },
  )

const revoke = endpointHandler(async (req) => {
  const { revoked } = await unsubscribe(req, tokenOf(req))
  return (req.headers?.get('accept') ?? '').includes('text/html')
    ? page('You are unsubscribed', '<p>You will get no more marketing e-mail from us.</p>')
    : { unsubscribed: true, revoked }
})

/**
 * `POST /api/message-logs/unsubscribe?token=…`: RFC 8058 one-click unsubscribe (the mail client
 * POSTs `List-Unsubscribe=One-Click`, form-encoded; the token in the URL is all that counts, so
 * the form body is read and dropped before the JSON-reading handler runs).
 */
export const unsubscribeEndpoint: Endpoint = {
  path: '/unsubscribe',
  method: 'post',
  handler: async (req) => {
    if (!(req.headers?.get('content-type') ?? '').includes('json')) await req.text?.().catch(() => '')
    return revoke(req)
  },
}

/** `GET /api/message-logs/unsubscribe?token=…`: the link in the mail body; a page whose button POSTs (GET changes nothing, as mail scanners follow links). */
export const unsubscribePageEndpoint: Endpoint = {
  path: '/unsubscribe',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const token = tokenOf(req)
      return page(
        'Unsubscribe',
        `<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}"><p>Stop marketing e-mail from us?</p><button type="submit">Unsubscribe</button></form>`,
      )
    },
    { transaction: false },
  ),
}

// ---- Lead recipients ----
const revokeLead = endpointHandler(async (req) => {
  const { unsubscribed } = await unsubscribeLead(req, tokenOf(req))
  return (req.headers?.get('accept') ?? '').includes('text/html')
    ? page('You are unsubscribed', '<p>You will get no more marketing e-mail from us.</p>')
    : { unsubscribed: true, changed: unsubscribed }
})

/** `POST /api/message-logs/unsubscribe-lead?token=…`: RFC 8058 one-click unsubscribe of a lead (New lead automations). */
export const leadUnsubscribeEndpoint: Endpoint = {
  path: '/unsubscribe-lead',
  method: 'post',
  handler: async (req) => {
    if (!(req.headers?.get('content-type') ?? '').includes('json')) await req.text?.().catch(() => '')
    return revokeLead(req)
  },
}

/** `GET /api/message-logs/unsubscribe-lead?token=…`: the link in a lead e-mail's body; a page whose button POSTs. */
export const leadUnsubscribePageEndpoint: Endpoint = {
  path: '/unsubscribe-lead',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const token = tokenOf(req)
      return page(
        'Unsubscribe',
        `<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}"><p>Stop marketing e-mail from us?</p><button type="submit">Unsubscribe</button></form>`,
      )
    },
    { transaction: false },
  ),
}
// ---- /Lead recipients ----
