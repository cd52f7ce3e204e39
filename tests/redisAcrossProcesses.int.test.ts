import { randomBytes } from 'node:crypto'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisClientOf } from '@/core/auth/redisClientOf'
import { createPerson, createTenant, PASSWORD, useTestApp } from '@/core/testing'
import { bookingsTestKit } from '@plugins/bookings/bookingsTestKit'
import { bookingShowsOnOtherProcess } from './acrossProcesses'
import { startSecondProcess } from './setup/secondProcess'

// Two app processes on one database and one Redis (REDIS_URL, else the local server on 6379):
// what web replicas must share. Skipped, saying so, when no Redis answers.
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'
const redisUp = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(REDIS_URL)
  const socket = net.connect({ host: hostname, port: Number(port || 6379) })
  socket.setTimeout(1000)
  socket.once('connect', () => (socket.destroy(), resolve(true)))
  socket.once('error', () => resolve(false))
  socket.once('timeout', () => (socket.destroy(), resolve(false)))
})
if (!redisUp) console.warn(`redisAcrossProcesses: no Redis at ${REDIS_URL}, skipped`)
process.env.REDIS_URL = REDIS_URL // before the app's config is loaded; the second process inherits it
process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '4'

/** A fresh client address, so runs sharing this Redis do not share a rate-limit window. */
const freshIp = () => `10.${[...randomBytes(3)].join('.')}`

const app = useTestApp()
let second: Awaited<ReturnType<typeof startSecondProcess>>

beforeAll(async () => {
  if (redisUp) second = await startSecondProcess(app.databaseUrl)
}, 180_000)
afterAll(async () => second?.stop())

describe.skipIf(!redisUp)('across processes with Redis (REDIS_URL)', () => {
  it('both processes use Redis', () => {
    expect(redisClientOf(app.payload.kv)).toBeDefined()
  })

  it('the login rate limit is one count across processes', async () => {
    const ip = freshIp()
    const headers = { 'x-forwarded-for': ip }
    const attempt = (proc: typeof second | typeof app) =>
      proc.http({ headers }).post('/api/users/login', { email: 'nobody@example.test', password: 'wrong-password' })
    // Four attempts in the window (the limit), alternating processes: none refused for the rate.
    for (const proc of [app, second, app, second]) expect((await attempt(proc)).status).not.toBe(429)
    // The fifth is refused on either process: each saw only two, so only a shared count refuses it.
    expect((await attempt(app)).status).toBe(429)
    expect((await attempt(second)).status).toBe(429)
    // Another address is not affected.
    const other = { headers: { 'x-forwarded-for': freshIp() } }
    expect((await second.http(other).post('/api/users/login', {})).status).not.toBe(429)
  })

  it("a booking on one process drops the other's cached schedule (Redis pub/sub), both ways", async () => {
    const tenant = await createTenant(app.payload)
    const slug = String(tenant.slug)
    const kit = bookingsTestKit(app.payload)
    const one = await kit.createClass(String(tenant.id), { inMinutes: 5 * 60, capacity: 5, title: 'Across one' })
    const two = await kit.createClass(String(tenant.id), { inMinutes: 6 * 60, capacity: 5, title: 'Across two' })
    const { user } = await createPerson(app.payload, { tenant: String(tenant.id) })
    const login = await app
      .http({ headers: { 'x-forwarded-for': freshIp() } })
      .post('/api/users/login', { email: user.email, password: PASSWORD })
    const token = String(login.body.token)
    for (const proc of [app, second]) expect((await proc.http().get(`/api/schedule?tenant=${slug}`)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))

    await bookingShowsOnOtherProcess(app, second, { slug, classId: one.id, token, spots: 5 })
    await bookingShowsOnOtherProcess(second, app, { slug, classId: two.id, token, spots: 5 })
  })
})
