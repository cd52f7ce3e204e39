import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pathToFileURL } from 'node:url'
import type { TrackmanBooking } from './trackmanClient'

/**
 * A local stand-in for Trackman's booking API, in memory (tests and the demo's
 * `http://127.0.0.1:4010`): `GET /bookings?externalBookingId=` or `?from=&to=`, `POST /bookings`,
 * `PATCH /bookings/:id`, `DELETE /bookings/:id`, bearer API key. Each API key is its own venue
 * (its own bookings). `delayCreates(n, ms)` stores the next `n` creates at once but answers them
 * `ms` late, like a Trackman whose answer is lost to a client timeout.
 *
 * Run it alone with `npx tsx plugins/facility/trackman/fakeTrackmanServer.ts` (port 4010, or `PORT`).
 */
export const startFakeTrackman = async ({ port = 0 }: { port?: number } = {}) => {
  const venues = new Map<string, Map<string, TrackmanBooking>>()
  const calls: { method: string; path: string }[] = []
  let sequence = 0
  let delayed = { count: 0, ms: 0 }

  const venue = (apiKey: string) => {
    let bookings = venues.get(apiKey)
    if (!bookings) venues.set(apiKey, (bookings = new Map()))
    return bookings
  }
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    if (res.destroyed) return
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' })
    res.end(body === undefined ? undefined : JSON.stringify(body))
  }
  const readJson = async (req: IncomingMessage): Promise<Record<string, unknown> | null> => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
    } catch {
      return null
    }
  }
  const validBooking = (body: Record<string, unknown> | null) =>
    body !== null &&
    typeof body.bayId === 'string' &&
    typeof body.userAlias === 'string' &&
    !Number.isNaN(Date.parse(String(body.start))) &&
    Date.parse(String(body.end)) > Date.parse(String(body.start))

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://fake')
      calls.push({ method: req.method ?? 'GET', path: url.pathname + url.search })
      const apiKey = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
      if (!apiKey) return send(res, 401, { error: 'unauthorized' })
      const bookings = venue(apiKey)
      const [, collection, id] = url.pathname.split('/')
      if (collection !== 'bookings') return send(res, 404, { error: 'not_found' })
      if (!id && req.method === 'GET') {
        const external = url.searchParams.get('externalBookingId')
        const from = Date.parse(url.searchParams.get('from') ?? '')
        const to = Date.parse(url.searchParams.get('to') ?? '')
        const list = [...bookings.values()].filter((b) =>
          external !== null
            ? b.externalBookingId === external
            : (Number.isNaN(from) || Date.parse(b.end) > from) && (Number.isNaN(to) || Date.parse(b.start) < to),
        )
        return send(res, 200, { bookings: list })
      }
      if (!id && req.method === 'POST') {
        const body = await readJson(req)
        if (!validBooking(body)) return send(res, 422, { error: 'invalid_booking' })
        const booking: TrackmanBooking = {
          id: `tm_${++sequence}`,
          externalBookingId: typeof body!.externalBookingId === 'string' ? body!.externalBookingId : null,
          bayId: String(body!.bayId),
          userAlias: String(body!.userAlias),
          start: new Date(String(body!.start)).toISOString(),
          end: new Date(String(body!.end)).toISOString(),
        }
        bookings.set(booking.id, booking)
        if (delayed.count > 0) {
          delayed = { ...delayed, count: delayed.count - 1 }
          await new Promise((resolve) => setTimeout(resolve, delayed.ms))
        }
        return send(res, 201, booking)
      }
      const existing = id ? bookings.get(decodeURIComponent(id)) : undefined
      if (!existing) return send(res, 404, { error: 'not_found' })
      if (req.method === 'PATCH') {
        const body = (await readJson(req)) ?? {}
        const next = { ...existing }
        for (const key of ['bayId', 'userAlias'] as const) if (typeof body[key] === 'string') next[key] = body[key]
        for (const key of ['start', 'end'] as const)
          if (typeof body[key] === 'string') next[key] = new Date(body[key]).toISOString()
        bookings.set(existing.id, next)
        return send(res, 200, next)
      }
      if (req.method === 'DELETE') {
        bookings.delete(existing.id)
        return send(res, 204)
      }
      return send(res, 405, { error: 'method_not_allowed' })
    } catch (error) {
      send(res, 500, { error: String(error) })
    }
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const { port: bound } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${bound}`,
    calls,
    /** The bookings of one API key's venue, sorted by start. */
    bookings: (apiKey: string) => [...venue(apiKey).values()].sort((a, b) => a.start.localeCompare(b.start)),
    /** Puts (or overwrites) a booking as if made in Trackman. */
    plant: (apiKey: string, booking: Omit<TrackmanBooking, 'id'> & { id?: string }) => {
      const stored = { ...booking, id: booking.id ?? `tm_${++sequence}` }
      venue(apiKey).set(stored.id, stored)
      return stored
    },
    remove: (apiKey: string, id: string) => venue(apiKey).delete(id),
    delayCreates: (count: number, ms: number) => {
      delayed = { count, ms }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export type FakeTrackman = Awaited<ReturnType<typeof startFakeTrackman>>

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 4010)
  void startFakeTrackman({ port }).then(({ url }) => console.log(`Fake Trackman booking API on ${url}`))
}
