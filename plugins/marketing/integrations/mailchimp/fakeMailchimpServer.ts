import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export type FakeMailchimpMember = {
  email_address: string
  status: string
  merge_fields: Record<string, string>
  tags: Record<string, 'active' | 'inactive'>
}

/**
 * A local stand-in for Mailchimp's Marketing API v3 (tests): `PUT /3.0/lists/{list}/members/{hash}`
 * (add or update; the hash must be the MD5 of the lower-cased address) and
 * `POST /3.0/lists/{list}/members/{hash}/tags` and `POST …/members/{hash}/actions/delete-permanent`. It checks HTTP Basic auth against `apiKey`, holds
 * every request `delayMs`, counts requests in flight (`maxInFlight`) and answers the next
 * `throttle` requests with 429 (Retry-After: 1).
 */
export const fakeMailchimpServer = async (options: { apiKey: string; delayMs?: number }) => {
  const state = {
    members: new Map<string, FakeMailchimpMember>(),
    requests: [] as { method: string; path: string; status: number }[],
    inFlight: 0,
    maxInFlight: 0,
    throttle: 0,
    /** mkt_rest: hashes deleted for good (delete-permanent); a PUT of one is refused like Mailchimp does. */
    forgotten: new Set<string>(),
    /** Addresses answered 400 "Member In Compliance State" (unsubscribed in Mailchimp itself). */
    compliance: new Set<string>(),
    delayMs: options.delayMs ?? 0,
  }
  const expectedAuth = `Basic ${Buffer.from(`atrium:${options.apiKey}`).toString('base64')}`
  const server: Server = createServer((req, res) => {
    state.inFlight++
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight)
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      setTimeout(() => {
        const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
          state.inFlight--
          state.requests.push({ method: req.method ?? '', path: req.url ?? '', status })
          res
            .writeHead(status, { 'content-type': 'application/json', ...headers })
            .end(body === undefined ? undefined : JSON.stringify(body))
        }
        const auth = req.headers.authorization ?? ''
        const [, password] = Buffer.from(auth.replace(/^Basic /, ''), 'base64')
          .toString()
          .split(':')
        if (!auth.startsWith('Basic ') || password !== options.apiKey || auth.length !== expectedAuth.length)
          return answer(401, { title: 'API Key Invalid', status: 401 })
        if (state.throttle > 0) {
          state.throttle--
          return answer(429, { title: 'Too Many Requests', status: 429 }, { 'retry-after': '1' })
        }
        let body: Record<string, unknown> = {}
        try {
          body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {}
        } catch {
          return answer(400, { title: 'Invalid Resource', status: 400 })
        }
        // mkt_rest: GDPR erasure — permanent deletion (404 when the contact is not there).
        const erase = /^\/3\.0\/lists\/([^/]+)\/members\/([0-9a-f]{32})\/actions\/delete-permanent$/.exec(req.url ?? '')
        if (erase && req.method === 'POST') {
          if (!state.members.delete(erase[2])) return answer(404, { title: 'Resource Not Found', status: 404 })
          state.forgotten.add(erase[2])
          return answer(204)
        }
        const member = /^\/3\.0\/lists\/([^/]+)\/members\/([0-9a-f]{32})(\/tags)?$/.exec(req.url ?? '')
        if (!member) return answer(404, { title: 'Resource Not Found', status: 404 })
        const [, , hash, tags] = member
        if (req.method === 'PUT' && !tags) {
          const email = String(body.email_address ?? '')
          if (createHash('md5').update(email.toLowerCase()).digest('hex') !== hash)
            return answer(400, { title: 'Invalid Resource', detail: 'The subscriber hash does not match.' })
          if (state.forgotten.has(hash)) return answer(400, { title: 'Forgotten Email Not Subscribed', status: 400 })
          if (state.compliance.has(email.toLowerCase()))
            return answer(400, { title: 'Member In Compliance State', status: 400 })
          const existing = state.members.get(hash)
          const next: FakeMailchimpMember = {
            email_address: email,
            status: String(body.status ?? existing?.status ?? body.status_if_new),
            merge_fields: { ...existing?.merge_fields, ...(body.merge_fields as Record<string, string>) },
            tags: existing?.tags ?? {},
          }
          state.members.set(hash, next)
          return answer(200, { id: hash, ...next })
        }
        if (req.method === 'POST' && tags) {
          const existing = state.members.get(hash)
          if (!existing) return answer(404, { title: 'Resource Not Found', status: 404 })
          for (const tag of (body.tags as { name: string; status: 'active' | 'inactive' }[]) ?? [])
            existing.tags[tag.name] = tag.status
          return answer(204)
        }
        return answer(405, { title: 'Method Not Allowed', status: 405 })
      }, state.delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    state,
    url: `http://127.0.0.1:${port}`,
    member: (email: string) => state.members.get(createHash('md5').update(email.toLowerCase()).digest('hex')),
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
