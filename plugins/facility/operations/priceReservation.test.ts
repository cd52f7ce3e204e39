import { describe, expect, it } from 'vitest'
import { peakSplit, priceReservation, type PriceInput } from './priceReservation'

const GOLD = 'gold'
const BRONZE = 'bronze'
/** A club's published rates per bay hour: Gold included, Bronze $29, non-members $45 (off-peak); peak a bit more. */
const rates = [
  { tier: GOLD, peak: 0, offPeak: 0 },
  { tier: BRONZE, peak: 3500, offPeak: 2900 },
  { tier: null, peak: 5500, offPeak: 4500 },
]
const weekdayEvenings = [
  {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'] as PriceInput['peakHours'][number]['days'],
    startsAt: '17:00',
    endsAt: '21:00',
  },
]

const base = (over: Partial<PriceInput>): PriceInput => ({
  resourceType: 'simulator_bay',
  mode: 'per_player_split',
  // Tuesday 3 March 2026, 10:00–11:00 in Chicago (CST, UTC−6): off-peak.
  startAt: new Date('2026-03-03T16:00:00Z'),
  endAt: new Date('2026-03-03T17:00:00Z'),
  zone: 'America/Chicago',
  peakHours: weekdayEvenings,
  rates,
  currency: 'USD',
  guestFee: 2000,
  party: [],
  ...over,
})

describe('priceReservation', () => {
  it('splits a 1-hour bay shared by three players: $0 for Gold, a third of $29 for Bronze, a third of $45 for a non-member', () => {
    const price = priceReservation(
      base({
        party: [
          { kind: 'member', tier: GOLD },
          { kind: 'member', tier: BRONZE },
          { kind: 'member', tier: null },
        ],
      }),
    )
    expect(price.offPeakMinutes).toBe(60)
    expect(price.lines.map((l) => l.amount)).toEqual([0, 967, 1500])
    expect(price.total).toBe(2467)
  })

  it('prices a tier without its own rate at the non-member rate, and nothing when no rate exists at all', () => {
    expect(priceReservation(base({ party: [{ kind: 'member', tier: 'silver' }] })).total).toBe(4500)
    expect(priceReservation(base({ rates: [], party: [{ kind: 'member', tier: BRONZE }] })).total).toBe(0)
  })

  it('per bay hour: the owner pays the bay, members are included, guests pay the guest fee unless a pass covers it', () => {
    const price = priceReservation(
      base({
        mode: 'per_bay_hour',
        startAt: new Date('2026-03-03T16:00:00Z'),
        endAt: new Date('2026-03-03T17:30:00Z'),
        party: [
          { kind: 'member', tier: BRONZE },
          { kind: 'member', tier: GOLD },
          { kind: 'guest', guestPass: false },
          { kind: 'guest', guestPass: true },
        ],
      }),
    )
    expect(price.lines.map((l) => [l.feeType, l.amount])).toEqual([
      ['bay', 4350],
      ['included', 0],
      ['guest_fee', 2000],
      ['guest_pass', 0],
    ])
    expect(price.total).toBe(6350)
  })

  it('included minutes: all of them free the owner’s part; fewer charge only the minutes after them, on their own peak clock', () => {
    const owner = (includedMinutes: number) =>
      priceReservation(
        base({
          mode: 'per_bay_hour',
          // Tuesday 16:30–18:00 in Chicago: 30 off-peak minutes, then 60 peak (from 17:00).
          startAt: new Date('2026-03-03T22:30:00Z'),
          endAt: new Date('2026-03-04T00:00:00Z'),
          party: [
            { kind: 'member', tier: BRONZE, includedMinutes },
            { kind: 'guest', guestPass: false },
          ],
        }),
      )
    expect(owner(0).lines[0]).toMatchObject({ feeType: 'bay', amount: 1450 + 3500 })
    expect(owner(90).lines[0]).toMatchObject({ feeType: 'included', amount: 0 })
    expect(owner(120).lines[0]).toMatchObject({ feeType: 'included', amount: 0 })
    // 60 free from 16:30: the last 30 minutes (peak) are charged.
    expect(owner(60).lines[0]).toMatchObject({ feeType: 'bay', amount: 1750 })
    expect(owner(60).lines[0].reason).toContain('60 of 90 min within the tier’s included minutes')
    expect(owner(60).total).toBe(1750 + 2000)
    // Split: the owner's share covers only the charged minutes; the others pay as usual.
    const split = priceReservation(
      base({
        party: [
          { kind: 'member', tier: BRONZE, includedMinutes: 30 },
          { kind: 'member', tier: BRONZE },
        ],
      }),
    )
    expect(split.lines.map((l) => [l.feeType, l.amount])).toEqual([
      ['share', 725],
      ['share', 1450],
    ])
  })

  it('per player split: a guest pays a non-member share plus the guest fee, which a pass waives', () => {
    const price = priceReservation(
      base({
        party: [
          { kind: 'member', tier: BRONZE },
          { kind: 'guest', guestPass: false },
          { kind: 'guest', guestPass: true },
        ],
      }),
    )
    expect(price.lines.map((l) => l.amount)).toEqual([967, 1500 + 2000, 1500])
  })

  it('prices peak by the local wall clock: the same UTC hour is off-peak before the spring-forward change and peak after it', () => {
    const hour = (day: string) => ({ startAt: new Date(`${day}T22:00:00Z`), endAt: new Date(`${day}T23:00:00Z`) })
    // Friday 6 March 2026, 22:00Z = 16:00 CST: off-peak. Monday 9 March, 22:00Z = 17:00 CDT: peak.
    const before = priceReservation(base({ ...hour('2026-03-06'), party: [{ kind: 'member', tier: BRONZE }] }))
    const after = priceReservation(base({ ...hour('2026-03-09'), party: [{ kind: 'member', tier: BRONZE }] }))
    expect([before.peakMinutes, before.offPeakMinutes, before.total]).toEqual([0, 60, 2900])
    expect([after.peakMinutes, after.offPeakMinutes, after.total]).toEqual([60, 0, 3500])
  })

  it('counts the minutes that really elapse across a DST night (23- and 25-hour days)', () => {
    const nights = [{ days: ['sun'] as PriceInput['peakHours'][number]['days'], startsAt: '00:00', endsAt: '03:00' }]
    // Sunday 8 March 2026 in Chicago, 01:00–04:00 on the wall clock: 02:00 does not exist, so two real
    // hours: 01:00–02:00 peak, 03:00–04:00 off-peak.
    const spring = peakSplit({
      startAt: new Date('2026-03-08T07:00:00Z'),
      endAt: new Date('2026-03-08T09:00:00Z'),
      zone: 'America/Chicago',
      peakHours: nights,
    })
    expect(spring).toEqual({ peakMinutes: 60, offPeakMinutes: 60 })
    // Sunday 1 November 2026, 00:00–03:00 on the wall clock lasts four real hours (01:00 repeats), all before 03:00: peak.
    const fall = peakSplit({
      startAt: new Date('2026-11-01T05:00:00Z'),
      endAt: new Date('2026-11-01T09:00:00Z'),
      zone: 'America/Chicago',
      peakHours: nights,
    })
    expect(fall).toEqual({ peakMinutes: 240, offPeakMinutes: 0 })
    const price = priceReservation(
      base({
        mode: 'per_bay_hour',
        peakHours: nights,
        startAt: new Date('2026-03-08T07:00:00Z'),
        endAt: new Date('2026-03-08T09:00:00Z'),
        party: [{ kind: 'member', tier: null }],
      }),
    )
    expect(price.total).toBe(5500 + 4500)
  })
})
