import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import { bookingsTestKit } from '@plugins/bookings/bookingsTestKit'
import { bookingShowsOnOtherProcess } from './acrossProcesses'
import { startSecondProcess } from './setup/secondProcess'

// Two app processes on one database, without Redis: the schedule caches are kept in step through
// PostgreSQL LISTEN/NOTIFY (the embedded default).
delete process.env.REDIS_URL // before the app's config is loaded; the second process inherits it
const app = useTestApp()
let second: Awaited<ReturnType<typeof startSecondProcess>>

beforeAll(async () => {
  second = await startSecondProcess(app.databaseUrl)
}, 180_000)
afterAll(async () => second?.stop())

describe('schedule cache across processes (PostgreSQL LISTEN/NOTIFY)', () => {
  it("a booking on one process drops the other's cached schedule, both ways", async () => {
    const tenant = await createTenant(app.payload)
    const slug = String(tenant.slug)
    const kit = bookingsTestKit(app.payload)
    const one = await kit.createClass(String(tenant.id), { inMinutes: 5 * 60, capacity: 5, title: 'Across one' })
    const two = await kit.createClass(String(tenant.id), { inMinutes: 6 * 60, capacity: 5, title: 'Across two' })
    const { user } = await createPerson(app.payload, { tenant: String(tenant.id) })
    const { token } = await signIn(app, user.email)
    // Both processes start listening when they first serve the schedule.
    for (const proc of [app, second]) expect((await proc.http().get(`/api/schedule?tenant=${slug}`)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 300))

    await bookingShowsOnOtherProcess(app, second, { slug, classId: one.id, token, spots: 5 })
    await bookingShowsOnOtherProcess(second, app, { slug, classId: two.id, token, spots: 5 })
  })
})
