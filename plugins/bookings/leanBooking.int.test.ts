import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { leanDispatch } from '@/core'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
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
