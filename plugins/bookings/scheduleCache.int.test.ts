import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { twoTenants, useTestApp } from '@/core/testing'
import { bookingsTestKit } from './bookingsTestKit'
import { SCHEDULE_TTL_MS } from './operations/classes/scheduleCache'

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let kit: ReturnType<typeof bookingsTestKit>

beforeAll(async () => {
  cast = await twoTenants(app)
  kit = bookingsTestKit(app.payload)
})

const spotsLeft = async (slug: string, classId: string, headers: Record<string, string> = {}) => {
  const res = await app.http({ headers }).get(`/api/schedule?tenant=${slug}`)
  return {
    res,
    spots: res.body?.classes?.find((c: { id: string }) => c.id === classId)?.spotsLeft as number | undefined,
  }
}

describe('public schedule cache', () => {
  it("shows this process's bookings and class edits at once, another writer's within the TTL", async () => {
    const tenant = String(cast.a.id)
    const slug = String(cast.a.slug)
    const klass = await kit.createClass(tenant, { inMinutes: 3 * 60, capacity: 4, title: 'Cache probe' })
    expect((await spotsLeft(slug, klass.id)).spots).toBe(4) // now cached

    // A booking through this process drops the tenant's cached schedule.
    expect((await cast.inA.member.client.post(`/api/classes/${klass.id}/book`)).status).toBe(201)
    expect((await spotsLeft(slug, klass.id)).spots).toBe(3)

    // So does an edit of the class through Payload (the admin).
    await app.payload.update({ collection: 'classes', id: klass.id, data: { capacity: 10 } as never })
    expect((await spotsLeft(slug, klass.id)).spots).toBe(9)

    // A change this process does not see (another replica) shows once the entry expires.
    await kit.q(sql`UPDATE classes SET booked_count = booked_count + 2 WHERE id = ${klass.id}`)
    expect((await spotsLeft(slug, klass.id)).spots).toBe(9)
    await new Promise((resolve) => setTimeout(resolve, SCHEDULE_TTL_MS + 100))
    expect((await spotsLeft(slug, klass.id)).spots).toBe(7)
  })

  it('answers 304 to a matching ETag and keeps tenants apart', async () => {
    const slugA = String(cast.a.slug)
    const klassB = await kit.createClass(String(cast.b.id), { inMinutes: 4 * 60, title: 'Other tenant' })
    const first = await spotsLeft(slugA, klassB.id)
    expect(first.res.status).toBe(200)
    expect(first.spots).toBeUndefined()
    const etag = first.res.headers.get('etag')
    expect(etag).toBeTruthy()
    expect((await app.http({ headers: { 'if-none-match': etag! } }).get(`/api/schedule?tenant=${slugA}`)).status).toBe(
      304,
    )
    expect((await spotsLeft(String(cast.b.slug), klassB.id)).spots).toBeGreaterThan(0)
  })
})
