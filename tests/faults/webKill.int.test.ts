import { describe, expect, it } from 'vitest'
import { createPerson, createTenant, httpClient, signIn, useTestApp } from '@/core/testing'
import { bookingsTestKit } from '@plugins/bookings/bookingsTestKit'
import { bookingInvariants } from './bookingInvariants'
import { startAppProcess } from './startAppProcess'

// The web server (a child process serving the app's API) SIGKILLed during a booking burst.

const app = useTestApp()
const MEMBERS = 150
const CAPACITY = 20
const LANES = 24

type Answer = { member: string; status: number; bookingId?: string }

describe('web server killed during a booking burst', () => {
  it('keeps every answered booking, loses and doubles no place, counters equal rows', async () => {
    const kit = bookingsTestKit(app.payload)
    const tenant = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const { token } = await signIn(app, user.email)
    const members = await kit.createMembers(tenant, MEMBERS)
    const klass = await kit.createClass(tenant, { capacity: CAPACITY, waitlistCapacity: MEMBERS })

    const web = await startAppProcess('web', app.databaseUrl)
    const desk = httpClient(web.url, { token })
    const answers: Answer[] = []
    let next = 0
    let killing: Promise<void> | undefined
    const lane = async () => {
      while (next < members.length) {
        const member = members[next++]
        try {
          const res = await desk.post(`/api/classes/${klass.id}/book`, { member })
          answers.push({ member, status: res.status, bookingId: res.body?.booking?.id })
        } catch {
          answers.push({ member, status: 0 }) // connection reset or refused: no answer
        }
        if (!killing && answers.length >= 40) killing = web.kill()
      }
    }
    await Promise.all(Array.from({ length: LANES }, lane))
    await killing
    const ok = answers.filter((a) => a.status === 201)
    const lost = answers.filter((a) => a.status !== 201)
    expect(lost.filter((a) => a.status !== 0)).toEqual([])
    expect(lost.length).toBeGreaterThan(0)

    // Every answered booking is there; what was in flight either committed whole or not at all.
    await bookingInvariants(kit, klass.id, { answered: ok.map((a) => a.bookingId!) })

    const restarted = Date.now()
    const again = await startAppProcess('web', app.databaseUrl)
    try {
      const retryDesk = httpClient(again.url, { token })
      const retries = await Promise.all(
        lost.map(({ member }) => retryDesk.post(`/api/classes/${klass.id}/book`, { member })),
      )
      const already = retries.filter((r) => r.status === 409).length
      console.log(
        `[faults] web server killed after ${ok.length} confirmed answers, ${lost.length} requests unanswered; ` +
          `back and retried in ${Date.now() - restarted} ms (${already} had committed before the kill)`,
      )
      expect(retries.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body)).toEqual([])
    } finally {
      await again.kill()
    }
    const counts = await bookingInvariants(kit, klass.id, { answered: ok.map((a) => a.bookingId!) })
    // No place lost or doubled: the class is exactly full and every member holds one booking.
    expect(counts.holding).toBe(CAPACITY)
    expect(counts.waitlisted).toBe(MEMBERS - CAPACITY)
    expect(counts.members).toBe(MEMBERS)
  }, 240_000)
})
