import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { facilityClub, type FacilityClub } from './facilityTestKit'

const app = useTestApp()
let shared: FacilityClub | undefined
const club = async () => (shared ??= await facilityClub(app))

describe('the quote counts what is left of the tier’s included minutes', () => {
  it('60 free minutes left, 90 quoted: only 30 charged, and the booking charges exactly that; a second quote that day finds none left, another day its own', async () => {
    const { kit, tenant } = await club()
    const tier = await (await club()).tierWithMinutes(60)
    const member = await (await club()).newMember(tier)
    // $40 an hour at the tier's rate: 30 minutes are $20.
    const bay = await kit.createBay(tenant, { rates: [{ tier, peak: 4000, offPeak: 4000 }] })
    const body = { resource: bay, startAt: kit.at(3, '10:00'), endAt: kit.at(3, '11:30') }

    const quote = await member.client.post('/api/reservations/quote', body)
    expect(quote.status, JSON.stringify(quote.body)).toBe(200)
    expect(quote.body.total.amount).toBe(2000)
    expect(quote.body.lines[0]).toMatchObject({ feeType: 'bay', amount: 2000 })
    expect(quote.body.lines[0].reason).toContain('60 of 90 min')
    // Quoting writes nothing.
    const usage = async () =>
      kit.q<{ quantity: number; targets: string[] }>(
        sql`SELECT quantity::int AS quantity, targets FROM usage_records WHERE member_id = ${member.id} AND feature_key = 'facility.included_minutes' ORDER BY period_start`,
      )
    expect(await usage()).toEqual([])

    const booked = await member.client.post('/api/reservations/book', body)
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    expect(booked.body.fee.total.amount).toBe(quote.body.total.amount)
    expect(booked.body.fee.lines[0]).toMatchObject({ feeType: 'bay', amount: 2000 })
    expect((await usage()).map((u) => [u.quantity, u.targets])).toEqual([[60, [`reservations:${booked.body.id}`]]])

    // None left that day: a second quote (and booking) is charged in full.
    const later = { resource: bay, startAt: kit.at(3, '14:00'), endAt: kit.at(3, '15:00') }
    const second = await member.client.post('/api/reservations/quote', later)
    expect(second.body.total.amount).toBe(4000)
    expect(second.body.lines[0].feeType).toBe('bay')
    expect((await member.client.post('/api/reservations/book', later)).body.fee.total.amount).toBe(4000)
    // Another day has its own 60.
    const nextDay = await member.client.post('/api/reservations/quote', {
      resource: bay,
      startAt: kit.at(4, '10:00'),
      endAt: kit.at(4, '11:00'),
    })
    expect(nextDay.body.lines[0]).toMatchObject({ feeType: 'included', amount: 0 })
    expect(nextDay.body.total.amount).toBe(0)

    // Cancelling the first gives back the 60 it counted (not its 90): the day is whole again.
    expect((await member.client.post(`/api/reservations/${booked.body.id}/cancel`)).status).toBe(200)
    expect((await usage()).map((u) => [u.quantity, u.targets])).toEqual([[0, []]])
    expect((await member.client.post('/api/reservations/quote', body)).body.total.amount).toBe(2000)
  }, 120_000)

  it('desk quotes for a member see the member’s minutes; 6 concurrent one-hour bookings share 90 free minutes without exceeding them, each charged for what is not free', async () => {
    const { kit, tenant, desk } = await club()
    const tier = await (await club()).tierWithMinutes(90)
    const member = await (await club()).newMember(tier)
    const bay = await kit.createBay(tenant, {
      rates: [{ tier, peak: 6000, offPeak: 6000 }],
      name: `Minutes ${Math.random()}`,
    })
    const quote = await desk.post('/api/reservations/quote', {
      resource: bay,
      member: member.id,
      startAt: kit.at(5, '08:00'),
      endAt: kit.at(5, '10:00'),
    })
    // 90 of 120 free: 30 minutes at $60 an hour.
    expect(quote.body.total.amount).toBe(3000)
    const starts = ['08:00', '09:30', '11:00', '12:30', '14:00', '15:30']
    const results = await Promise.all(
      starts.map((h) =>
        desk.post('/api/reservations/book', {
          resource: bay,
          member: member.id,
          startAt: kit.at(5, h),
          endAt: new Date(Date.parse(kit.at(5, h)) + 3_600_000).toISOString(),
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(starts.map(() => 201))
    // 60 free, then the last 30 (half an hour charged), then nothing: whichever order they commit in.
    expect(results.map((r) => r.body.fee.total.amount).sort((a, b) => a - b)).toEqual([0, 3000, 6000, 6000, 6000, 6000])
    const [row] = await kit.q<{ quantity: number; n: number }>(
      sql`SELECT quantity::int AS quantity, jsonb_array_length(targets)::int AS n FROM usage_records
          WHERE member_id = ${member.id} AND feature_key = 'facility.included_minutes'`,
    )
    expect(row).toEqual({ quantity: 90, n: 2 })
  }, 120_000)
})
