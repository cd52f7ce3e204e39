import { describe, expect, it } from 'vitest'
import { addDays, localDate } from '@/core'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'
import type { DayAvailabilityReply, ReservationQuote } from './contract'
import { facilityTestKit } from './facilityTestKit'
import { readBaysToday } from './operations/readBaysToday'

const app = useTestApp()

type Setup = { kit: ReturnType<typeof facilityTestKit>; tenant: string; member: HttpClient; anon: HttpClient }
let shared: Setup | undefined
const setup = async (): Promise<Setup> => {
  if (shared) return shared
  const kit = facilityTestKit(app.payload)
  const tenant = String((await createTenant(app.payload, { timezone: kit.zone })).id)
  const person = await createPerson(app.payload, { tenant, roles: ['member'] })
  const { client } = await signIn(app, person.user.email)
  shared = { kit, tenant, member: client, anon: app.http() }
  return shared
}

const day = (kit: Setup['kit'], days: number) => addDays(localDate(new Date(), kit.zone), days)

describe('facility: a day at a glance and a price before booking', () => {
  it('lists each bay’s slot grid in the club’s zone and marks booked (buffers included), closed and blocked starts taken', async () => {
    const { kit, tenant, member, anon } = await setup()
    const bay = await kit.createBay(tenant, { name: 'Grid bay', bufferAfterMinutes: 15 })
    const other = await kit.createBay(tenant, { name: 'Other bay' })
    expect(
      (
        await member.post('/api/reservations/book', {
          resource: bay,
          startAt: kit.at(2, '10:00'),
          endAt: kit.at(2, '11:00'),
        })
      ).status,
    ).toBe(201)
    await app.payload.create({
      collection: 'availability-blocks',
      data: {
        tenant,
        resource: other,
        startAt: kit.at(2, '12:00'),
        endAt: kit.at(2, '13:00'),
        blockType: 'maintenance',
      },
    })

    const res = await anon.get(`/api/facility-resources/availability?tenant=${tenant}&date=${day(kit, 2)}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const reply = res.body as DayAvailabilityReply
    const grid = reply.resources.find((r) => r.id === bay)!
    const free = (r: typeof grid, hhmm: string) => r.slots.find((s) => s.startAt === kit.at(2, hhmm))?.free
    expect(grid.zone).toBe(kit.zone)
    // 06:00–23:00 on a 30-minute grid: 34 starts, the first at local 06:00.
    expect(grid.slots).toHaveLength(34)
    expect(grid.slots[0].startAt).toBe(kit.at(2, '06:00'))
    expect(free(grid, '09:00')).toBe(true)
    // 09:30–10:00 plus its own 15-minute buffer after would run into the booking at 10:00.
    expect(free(grid, '09:30')).toBe(false)
    expect(free(grid, '10:00')).toBe(false)
    expect(free(grid, '10:30')).toBe(false)
    // 11:00 would overlap the 15-minute buffer after 11:00 (blocked until 11:15) of the booking.
    expect(free(grid, '11:00')).toBe(false)
    expect(free(grid, '11:30')).toBe(true)
    const second = reply.resources.find((r) => r.id === other)!
    expect(free(second, '10:00')).toBe(true)
    expect(free(second, '12:00')).toBe(false)
    expect(free(second, '12:30')).toBe(false)
    expect(free(second, '13:00')).toBe(true)

    // What the grid calls free, booking accepts; what it calls taken, booking refuses.
    expect(
      (
        await member.post('/api/reservations/book', {
          resource: bay,
          startAt: kit.at(2, '11:30'),
          endAt: kit.at(2, '12:00'),
        })
      ).status,
    ).toBe(201)
    expect(
      (
        await member.post('/api/reservations/book', {
          resource: bay,
          startAt: kit.at(2, '11:00'),
          endAt: kit.at(2, '11:30'),
        })
      ).body.error,
    ).toBe('slot_taken')
  })

  it('shows past starts of today as taken, another tenant’s bays never, and refuses a bad date with 400', async () => {
    const { kit, tenant, anon } = await setup()
    await kit.createBay(tenant)
    const otherTenant = String((await createTenant(app.payload, { timezone: kit.zone })).id)
    const foreign = await kit.createBay(otherTenant, { name: 'Foreign bay' })
    const today = (await anon.get(`/api/facility-resources/availability?tenant=${tenant}&date=${day(kit, 0)}`))
      .body as DayAvailabilityReply
    const now = Date.now()
    for (const resource of today.resources) {
      expect(resource.id).not.toBe(foreign)
      for (const slot of resource.slots) if (Date.parse(slot.startAt) < now) expect(slot.free).toBe(false)
    }
    const bad = await anon.get(`/api/facility-resources/availability?tenant=${tenant}&date=2026-02-30`)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('real calendar date')
  })

  it('quotes the fee lines a booking would freeze, and writes nothing', async () => {
    const { kit, tenant, member } = await setup()
    const bay = await kit.createBay(tenant, {
      mode: 'per_player_split',
      rates: [{ tier: null, peak: 4500, offPeak: 4500 }],
      guestFee: 1500,
    })
    const body = {
      resource: bay,
      startAt: kit.at(3, '14:00'),
      endAt: kit.at(3, '15:00'),
      participants: [{ guest: { name: 'Greta Guest', email: 'greta@example.test' } }],
    }
    const quote = await member.post('/api/reservations/quote', body)
    expect(quote.status, JSON.stringify(quote.body)).toBe(200)
    const q = quote.body as ReservationQuote
    expect(q.status).toBe('confirmed')
    // Two players split $45: $22.50 each; the guest also pays the $15 guest fee.
    expect(q.total).toEqual({ amount: 2250 + 2250 + 1500, currency: 'USD' })
    expect(q.lines.map((l) => l.name)).toContain('Greta Guest')
    const before = await app.payload.count({ collection: 'reservations', where: { resource: { equals: bay } } })
    expect(before.totalDocs).toBe(0)
    const booked = await member.post('/api/reservations/book', body)
    expect(booked.status).toBe(201)
    expect(booked.body.fee.total).toEqual(q.total)
    // A rule breach answers what booking would: outside opening hours.
    const late = await member.post('/api/reservations/quote', {
      ...body,
      startAt: kit.at(3, '23:00'),
      endAt: kit.at(4, '00:00'),
    })
    expect(late.status).toBe(422)
    expect(late.body.error).toBe('outside_opening_hours')
    expect((await app.http().post('/api/reservations/quote', body)).status).toBe(401)
  })

  it('gives the staff home today’s reservations and guests in the club’s zone, and the requests waiting', async () => {
    const { kit } = await setup()
    const tenant = String((await createTenant(app.payload, { timezone: kit.zone })).id)
    const person = await createPerson(app.payload, { tenant, roles: ['member'] })
    const { client } = await signIn(app, person.user.email)
    const open = await kit.createBay(tenant, { name: 'Open bay' })
    const asked = await kit.createBay(tenant, { name: 'Asked bay', requiresApproval: true })
    // "Now" is local 08:00 today in Chicago: a booking at 20:00 today counts, one tomorrow does not.
    const now = new Date(kit.at(0, '08:00'))
    const later = kit.at(0, '20:00')
    const today = Date.now() < Date.parse(later)
    if (today)
      expect(
        (
          await client.post('/api/reservations/book', {
            resource: open,
            startAt: later,
            endAt: kit.at(0, '21:00'),
            participants: [{ guest: { name: 'Gus Guest' } }],
          })
        ).status,
      ).toBe(201)
    expect(
      (
        await client.post('/api/reservations/book', {
          resource: open,
          startAt: kit.at(1, '09:00'),
          endAt: kit.at(1, '10:00'),
        })
      ).status,
    ).toBe(201)
    const request = await client.post('/api/reservations/book', {
      resource: asked,
      startAt: kit.at(2, '09:00'),
      endAt: kit.at(2, '10:00'),
    })
    expect(request.body.status).toBe('requested')

    const bays = await readBaysToday({ payload: app.payload, transactionID: undefined }, { tenant, now })
    expect(bays.zone).toBe(kit.zone)
    expect(bays.resources).toBe(2)
    expect(bays.requests).toBe(1)
    expect(bays.today).toBe(today ? 1 : 0)
    expect(bays.guestsToday).toBe(today ? 1 : 0)
    expect(bays.arrivals.map((a) => [a.resource, a.status, a.guests])).toEqual([
      ...(today ? [['Open bay', 'confirmed', 1]] : []),
      ['Asked bay', 'requested', 0],
    ])
  })
})
