import { describe, expect, it } from 'vitest'
import { toWallTime } from '@/core'
import { addDays, periodEnd } from './periodEnd'

const NY = 'America/New_York'

describe('periodEnd', () => {
  it('keeps the local time across a DST change (monthly, New York: EST → EDT)', () => {
    const start = new Date('2026-03-01T14:00:00Z') // 09:00 EST
    const end = periodEnd(start, 'month', 1, NY)!
    expect(end.toISOString()).toBe('2026-04-01T13:00:00.000Z') // 09:00 EDT
    expect(toWallTime(end, NY)).toMatchObject({ month: 4, day: 1, hour: 9, minute: 0 })
  })

  it('falls back to the last day of a shorter month, and handles weeks, years and intervalCount', () => {
    expect(toWallTime(periodEnd(new Date('2026-01-31T15:00:00Z'), 'month', 1, NY)!, NY)).toMatchObject({
      year: 2026,
      month: 2,
      day: 28,
      hour: 10,
    })
    expect(toWallTime(periodEnd(new Date('2026-11-27T15:00:00Z'), 'month', 3, NY)!, NY)).toMatchObject({
      year: 2027,
      month: 2,
      day: 27,
      hour: 10,
    })
    // A week spanning the November fall-back is 7 calendar days, 169 hours.
    const week = periodEnd(new Date('2026-10-30T13:00:00Z'), 'week', 1, NY)!
    expect(toWallTime(week, NY)).toMatchObject({ month: 11, day: 6, hour: 9 })
    expect((week.getTime() - new Date('2026-10-30T13:00:00Z').getTime()) / 3_600_000).toBe(169)
    expect(toWallTime(periodEnd(new Date('2028-02-29T17:00:00Z'), 'year', 1, NY)!, NY)).toMatchObject({
      year: 2029,
      month: 2,
      day: 28,
      hour: 12,
    })
    expect(periodEnd(new Date(), 'one_time', 1, NY)).toBeNull()
  })

  it('adds calendar days on the wall clock', () => {
    expect(toWallTime(addDays(new Date('2026-03-05T14:00:00Z'), 7, NY), NY)).toMatchObject({
      month: 3,
      day: 12,
      hour: 9,
    })
  })
})
