import { sql } from '@payloadcms/db-postgres'
import { SignJWT } from 'jose'
import { JWT_AUTH_VERSION } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { leanDispatch } from '@/core'
import { createPerson, createTenant, leanParity, signIn, useTestApp, withoutIds, type ParityRow } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'

// The booking and schedule endpoints are marked `leanEndpoint`: `leanDispatch` serves them without
// Payload's REST pipeline and hands everything it cannot decide to Payload's handler.
const app = useTestApp()
let tenant: { id: string; slug: string }
let token: string
let kit: ReturnType<typeof bookingsTestKit>

beforeAll(async () => {
  kit = bookingsTestKit(app.payload)
  const created = await createTenant(app.payload)
  tenant = { id: String(created.id), slug: String(created.slug) }
  const { user } = await createPerson(app.payload, { tenant: tenant.id })
  token = (await signIn(app, user.email)).token
})

/** The lean dispatch for one method with a fallback that records what it was handed. */
const dispatcher = (method: string) => {
  const fellBack: string[] = []
  const handle = leanDispatch(app.config)(async (request) => {
    fellBack.push(new URL(request.url).pathname)
    return new Response(null, { status: 599 })
  })
  const call = (path: string, headers: Record<string, string> = {}, body?: unknown) =>
    handle(
      new Request(`${app.baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      {
        params: Promise.resolve({ slug: path.split('/').slice(2) }),
      },
    )
  return { call, fellBack }
}

describe('lean API dispatch', () => {
  it('serves a marked endpoint itself: the session check, route params and the transaction all work', async () => {
    const klass = await kit.createClass(tenant.id, { capacity: 1, waitlistCapacity: 1 })
    const { call, fellBack } = dispatcher('POST')
    const first = await call(`/api/classes/${klass.id}/book`, { authorization: `JWT ${token}` })
    expect(first.status).toBe(201)
    expect((await first.json()).booking).toMatchObject({ class: klass.id, status: 'confirmed' })
    // The same person again: refused by the partial unique index, nothing half-written.
    const again = await call(`/api/classes/${klass.id}/book`, { authorization: `JWT ${token}` })
    expect(again.status).toBe(409)
    expect((await again.json()).error).toBe('already_booked')
    const [counts] = await kit.q<{ booked: number; rows: number }>(
      sql`SELECT booked_count::int AS booked, (SELECT count(*)::int FROM bookings WHERE class_id = ${klass.id}) AS rows FROM classes WHERE id = ${klass.id}`,
    )
    expect(counts).toEqual({ booked: 1, rows: 1 })
    expect(fellBack).toEqual([])
  })

  it('hands Payload what it cannot decide: a token it rejects, other paths', async () => {
    const klass = await kit.createClass(tenant.id)
    const { call, fellBack } = dispatcher('POST')
    expect((await call(`/api/classes/${klass.id}/book`, { authorization: 'JWT not-a-token' })).status).toBe(599)
    expect((await call(`/api/classes/${klass.id}/book`, { cookie: 'payload-token=forged' })).status).toBe(599)
    expect((await call('/api/users/login', {}, { email: 'x@example.test', password: 'nope' })).status).toBe(599)
    expect(fellBack).toEqual([`/api/classes/${klass.id}/book`, `/api/classes/${klass.id}/book`, '/api/users/login'])
    // No credential at all is decided here: anonymous, as Payload would see it.
    const anonymous = await call(`/api/classes/${klass.id}/book`)
    expect(anonymous.status).toBe(401)
    expect(fellBack).toHaveLength(3)
  })

  it('serves public GET endpoints with their query string', async () => {
    await kit.createClass(tenant.id, { title: 'Lean schedule probe' })
    const { call, fellBack } = dispatcher('GET')
    const res = await call(`/api/schedule?tenant=${tenant.slug}`)
    expect(res.status).toBe(200)
    expect((await res.json()).classes.map((c: { title: string }) => c.title)).toContain('Lean schedule probe')
    expect((await call('/api/classes')).status).toBe(599)
    expect(fellBack).toEqual(['/api/classes'])
  })

  it('answers the same through the real HTTP server as before: Payload rejects the forged token', async () => {
    const klass = await kit.createClass(tenant.id)
    const res = await app.http({ token: 'forged' }).post(`/api/classes/${klass.id}/book`)
    expect(res.status).toBe(401)
    expect(res.body.error).toBe('unauthenticated')
  })
})

type Fixtures = {
  tenant: { id: string; slug: string }
  member: string
  desk: string
  stranger: string
  expired: string
  freshClass: (inMinutes?: number) => Promise<string>
  /** A class (starting in a day, or `inMinutes`) booked by the member: the booking's id. */
  freshBooking: (inMinutes?: number) => Promise<string>
}

describe('lean endpoints answer as Payload answers them', () => {
  let fx: Fixtures
  let parity: ReturnType<typeof leanParity>
  beforeAll(async () => {
    const person = async (roles: ('member' | 'front_desk')[], inTenant = tenant.id) => {
      const { user } = await createPerson(app.payload, { tenant: inTenant, roles })
      return (await signIn(app, user.email)).token
    }
    const other = String((await createTenant(app.payload)).id)
    const member = await person(['member'])
    const claims = JSON.parse(Buffer.from(member.split('.')[1], 'base64url').toString())
    const freshClass = async (inMinutes?: number) =>
      String((await kit.createClass(tenant.id, { capacity: 5, inMinutes })).id)
    fx = {
      tenant,
      member,
      desk: await person(['front_desk']),
      stranger: await person(['member'], other),
      expired: await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })
        .setProtectedHeader({ alg: 'HS256', authVersion: JWT_AUTH_VERSION })
        .sign(new TextEncoder().encode(app.payload.secret)),
      freshClass,
      freshBooking: async (inMinutes) => {
        const res = await app.http({ token: member }).post(`/api/classes/${await freshClass(inMinutes)}/book`)
        expect(res.status).toBe(201)
        return String(res.body.booking.id)
      },
    }
    parity = leanParity(app)
  })

  const as = (token: string) => ({ 'content-type': 'application/json', authorization: `JWT ${token}` })
  const book = (token: string | null, body?: string) => async (f: Fixtures) => ({
    method: 'POST',
    path: `/api/classes/${await f.freshClass()}/book`,
    headers: token ? as(token) : { 'content-type': 'application/json' },
    body,
  })
  const rows: ParityRow<Fixtures>[] = [
    { name: 'book', request: (f) => book(f.member)(f), expect: { status: 201, lean: true }, normalise: withoutIds },
    {
      name: 'book for a member of the desk',
      request: (f) => book(f.desk, '{"attendanceType":"virtual"}')(f),
      expect: { status: 201, lean: true },
      normalise: withoutIds,
    },
    { name: 'book anonymously', request: book(null), expect: { status: 401, lean: true } },
    { name: 'book with an expired token', request: (f) => book(f.expired)(f), expect: { status: 401, lean: false } },
    { name: 'book from another tenant', request: (f) => book(f.stranger)(f), expect: { status: 404, lean: true } },
    {
      name: 'book with bad JSON',
      request: (f) => book(f.member, '{"member":')(f),
      expect: { status: 400, lean: true },
    },
    {
      name: 'book with an unknown field',
      request: (f) => book(f.member, '{"x":1}')(f),
      expect: { status: 400, lean: true },
    },
    {
      name: 'book a class that does not exist',
      request: (f) => ({ method: 'POST', path: `/api/classes/${crypto.randomUUID()}/book`, headers: as(f.member) }),
      expect: { status: 404, lean: true },
    },
    {
      name: 'book a malformed class id',
      request: (f) => ({ method: 'POST', path: '/api/classes/not-a-uuid/book', headers: as(f.member) }),
      expect: { status: 400, lean: true },
    },
    {
      name: 'GET of the booking path',
      request: async (f) => ({ ...(await book(f.member)(f)), method: 'GET', body: undefined }),
      expect: { status: 404, lean: false },
      normalise: withoutIds,
    },
    {
      name: 'unknown route under /api/classes',
      request: async (f) => ({ ...(await book(f.member)(f)), path: `/api/classes/${await f.freshClass()}/booking` }),
      expect: { status: 404, lean: false },
      normalise: withoutIds,
    },
    {
      name: 'cancel',
      request: async (f) => ({
        method: 'POST',
        path: `/api/bookings/${await f.freshBooking()}/cancel`,
        headers: as(f.member),
        body: '{"reason":"ill"}',
      }),
      expect: { status: 200, lean: true },
      normalise: withoutIds,
    },
    {
      name: "cancel someone else's booking",
      request: async (f) => ({
        method: 'POST',
        path: `/api/bookings/${await f.freshBooking()}/cancel`,
        headers: as(f.stranger),
      }),
      expect: { status: 404, lean: true },
    },
    {
      name: 'check in as the desk',
      request: async (f) => ({
        method: 'POST',
        path: `/api/bookings/${await f.freshBooking(10)}/check-in`,
        headers: as(f.desk),
      }),
      expect: { status: 200, lean: true },
      normalise: withoutIds,
    },
    {
      name: 'check in as a member',
      request: async (f) => ({
        method: 'POST',
        path: `/api/bookings/${await f.freshBooking(10)}/check-in`,
        headers: as(f.member),
      }),
      expect: { status: 404, lean: true },
    },
    {
      name: 'schedule',
      request: (f) => ({ method: 'GET', path: `/api/schedule?tenant=${f.tenant.slug}` }),
      expect: { status: 200, lean: true },
    },
    {
      name: 'schedule without a tenant',
      request: () => ({ method: 'GET', path: '/api/schedule' }),
      expect: { status: 400, lean: true },
    },
    {
      name: 'schedule with a repeated parameter',
      request: (f) => ({ method: 'GET', path: `/api/schedule?tenant=${f.tenant.slug}&tenant=other` }),
      expect: { status: 404, lean: true },
    },
    {
      name: 'HEAD of the schedule',
      request: (f) => ({ method: 'HEAD', path: `/api/schedule?tenant=${f.tenant.slug}` }),
      expect: { status: 404, lean: false },
    },
  ]

  it.each(rows)('$name', (row) => parity.expectParity(row, fx))
})
