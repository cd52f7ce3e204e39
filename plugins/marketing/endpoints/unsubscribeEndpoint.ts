import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'
import { endpointHandler, escapeHtml } from '@/core'
import { unsubscribe } from '../operations/messaging/unsubscribe'
import { unsubscribeLead } from '../operations/messaging/unsubscribeLead'

const tokenOf = (req: PayloadRequest) => z.string().min(10).max(400).parse(req.query?.token)

const page = (title: string, body: string) =>
  new Response(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`,
    { headers: { 'content-type': 'text/html; charset=utf-8' } },
  )

/**
 * The two endpoints of one unsubscribe link at `path`:
 * - `POST …?token=…`: RFC 8058 one-click unsubscribe (the mail client POSTs
 *   `List-Unsubscribe=One-Click`, form-encoded; the token in the URL is all that counts, so the
 *   form body is read and dropped before the JSON-reading handler runs); a browser gets a page;
 * - `GET …?token=…`: the link in the mail body, a page whose button POSTs (GET changes nothing, as
 *   mail scanners follow links).
 */
const unsubscribeEndpoints = (
  path: string,
  revoke: (req: PayloadRequest, token: string) => Promise<Record<string, unknown>>,
): [Endpoint, Endpoint] => {
  const post = endpointHandler(async (req) => {
    const answer = await revoke(req, tokenOf(req))
    return (req.headers?.get('accept') ?? '').includes('text/html')
      ? page('You are unsubscribed', '<p>You will get no more marketing e-mail from us.</p>')
      : { unsubscribed: true, ...answer }
  })
  return [
    {
      path,
      method: 'post',
      handler: async (req) => {
        if (!(req.headers?.get('content-type') ?? '').includes('json')) await req.text?.().catch(() => '')
        return post(req)
      },
    },
    {
      path,
      method: 'get',
      handler: endpointHandler(
        async (req) =>
          page(
            'Unsubscribe',
            `<form method="post" action="?token=${escapeHtml(encodeURIComponent(tokenOf(req)))}"><p>Stop marketing e-mail from us?</p><button type="submit">Unsubscribe</button></form>`,
          ),
        { transaction: false },
      ),
    },
  ]
}

/** `/api/message-logs/unsubscribe`: a member's marketing consent for the message's channel. */
export const [unsubscribeEndpoint, unsubscribePageEndpoint] = unsubscribeEndpoints(
  '/unsubscribe',
  async (req, token) => {
    const { revoked } = await unsubscribe(req, token)
    return { revoked }
  },
)

/** `/api/message-logs/unsubscribe-lead`: a lead's marketing e-mail (New lead automations). */
export const [leadUnsubscribeEndpoint, leadUnsubscribePageEndpoint] = unsubscribeEndpoints(
  '/unsubscribe-lead',
  async (req, token) => {
    const { unsubscribed } = await unsubscribeLead(req, token)
    return { changed: unsubscribed }
  },
)
