import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake received. */
export type FakeGbpCall = {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  status: number
  /** When it was received (ms since the epoch). */
  at: number
}

/** A post the fake holds. */
export type FakeGbpPost = Record<string, unknown> & { name: string; topicType: string }

export type FakeGbp = {
  /** The v4 base URL to put in the connection's `config.baseUrl`. */
  url: string
  /** The OAuth token endpoint (refresh-token grant) to put in `config.tokenUrl`. */
  tokenUrl: string
  calls: FakeGbpCall[]
  /** The posts by name. */
  posts: Map<string, FakeGbpPost>
  /** The next `count` post requests (not token ones) answer `status` (with `headers`, e.g. Retry-After) without doing anything. */
  failNext: (status: number, count?: number, headers?: Record<string, string>) => void
  /** The next post request is carried out, but answered only after `ms` (a client timeout loses the answer). */
  delayNext: (ms: number) => void
  close: () => Promise<void>
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString()))
  })

const googleError = (status: number, message: string) => ({
  error: {
    code: status,
    message,
    status: status === 404 ? 'NOT_FOUND' : status === 401 ? 'UNAUTHENTICATED' : 'INVALID_ARGUMENT',
  },
})

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isDate = (v: unknown) => isObject(v) && [v.year, v.month, v.day].every((n) => Number.isInteger(n))
const isTime = (v: unknown) => isObject(v) && Number.isInteger(v.hours) && Number.isInteger(v.minutes)

/** What Google checks of a LocalPost (the subset Atrium sends): the reason it is refused, or null. */
const invalid = (body: unknown): string | null => {
  if (!isObject(body)) return 'The body must be a LocalPost.'
  if (body.topicType !== 'EVENT' && body.topicType !== 'OFFER') return 'topicType must be EVENT or OFFER.'
  if (typeof body.summary !== 'string' || body.summary.length > 1500) return 'summary is required (≤ 1500).'
  const event = body.event
  if (!isObject(event) || typeof event.title !== 'string' || !event.title || event.title.length > 58)
    return 'event.title is required (≤ 58).'
  const s = event.schedule
  if (!isObject(s) || !isDate(s.startDate) || !isDate(s.endDate) || !isTime(s.startTime) || !isTime(s.endTime))
    return 'event.schedule needs startDate, startTime, endDate and endTime.'
  if (body.topicType === 'OFFER' && !isObject(body.offer)) return 'An OFFER post needs offer.'
  if (body.topicType === 'EVENT' && body.offer !== undefined) return 'Only OFFER posts carry offer.'
  return null
}

/**
 * A local Business Profile API (v4 localPosts) for tests: checks the bearer token (`accessToken`, or
 * one it issued at `/token` for `refreshToken`), the paths (`/v4/accounts/{a}/locations/{l}/localPosts`
 * and `/v4/{post name}`) and the bodies; creates, patches (only the `updateMask` fields), deletes and
 * lists posts; can fail or delay the next requests.
 */
export const startFakeGbp = async (auth: {
  accessToken: string
  refreshToken?: string
  clientId?: string
  clientSecret?: string
}): Promise<FakeGbp> => {
  const calls: FakeGbpCall[] = []
  const posts = new Map<string, FakeGbpPost>()
  const issued = new Set([auth.accessToken])
  let failures: { status: number; count: number; headers: Record<string, string> } | null = null
  let delay = 0
  let counter = 0

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const raw = await read(req)
    const method = req.method ?? 'GET'
    let body: unknown = undefined
    const answer = (status: number, reply: unknown, headers: Record<string, string> = {}) => {
      calls.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body,
        status,
        at: Date.now(),
      })
      const write = () =>
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(reply))
      if (delay > 0) {
        const ms = delay
        delay = 0
        setTimeout(write, ms)
      } else write()
    }
    if (url.pathname === '/token') {
      const form = new URLSearchParams(raw)
      if (
        form.get('grant_type') !== 'refresh_token' ||
        form.get('refresh_token') !== auth.refreshToken ||
        form.get('client_id') !== auth.clientId ||
        form.get('client_secret') !== auth.clientSecret
      )
        return answer(400, { error: 'invalid_grant' })
      const token = `issued-${++counter}`
      issued.add(token)
      return answer(200, { access_token: token, expires_in: 3600, token_type: 'Bearer' })
    }
    try {
      body = raw ? JSON.parse(raw) : undefined
    } catch {
      return answer(400, googleError(400, 'Invalid JSON.'))
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    if (!bearer || !issued.has(bearer))
      return answer(401, googleError(401, 'Request had invalid authentication credentials.'))
    if (failures && failures.count > 0) {
      failures.count--
      return answer(failures.status, googleError(failures.status, 'Injected failure.'), failures.headers)
    }
    const list = /^\/v4\/(accounts\/[^/]+\/locations\/[^/]+)\/localPosts$/.exec(url.pathname)
    const one = /^\/v4\/(accounts\/[^/]+\/locations\/[^/]+\/localPosts\/[^/]+)$/.exec(url.pathname)
    if (list && method === 'POST') {
      const why = invalid(body)
      if (why) return answer(400, googleError(400, why))
      const name = `${list[1]}/localPosts/${++counter}`
      const post: FakeGbpPost = {
        ...(body as Record<string, unknown>),
        name,
        topicType: String((body as { topicType: string }).topicType),
        state: 'LIVE',
      }
      posts.set(name, post)
      return answer(200, post)
    }
    if (list && method === 'GET') {
      const mine = [...posts.values()].filter((p) => p.name.startsWith(`${list[1]}/`))
      return answer(200, { localPosts: mine })
    }
    if (one && method === 'PATCH') {
      const post = posts.get(one[1])
      if (!post) return answer(404, googleError(404, 'Requested entity was not found.'))
      const mask = (url.searchParams.get('updateMask') ?? '').split(',').filter(Boolean)
      if (!mask.length) return answer(400, googleError(400, 'updateMask is required.'))
      const next = { ...post }
      for (const field of mask) next[field] = (body as Record<string, unknown>)[field]
      const why = invalid(next)
      if (why) return answer(400, googleError(400, why))
      posts.set(one[1], next)
      return answer(200, next)
    }
    if (one && method === 'DELETE') {
      if (!posts.delete(one[1])) return answer(404, googleError(404, 'Requested entity was not found.'))
      return answer(200, {})
    }
    return answer(404, googleError(404, `No route ${method} ${url.pathname}.`))
  }

  const server = createServer((req, res) => void handle(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/v4`,
    tokenUrl: `http://127.0.0.1:${port}/token`,
    calls,
    posts,
    failNext: (status, count = 1, headers = {}) => (failures = { status, count, headers }),
    delayNext: (ms) => (delay = ms),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
