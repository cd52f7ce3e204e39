import { describe, expect, it } from 'vitest'
import { fromWallTime, isTimeZone, localDate, toWallTime, zoneOffsetMinutes } from './zonedTime'

describe('zoned time', () => {
  it('keeps 09:00 local across the March DST change in New York', () => {
    const before = fromWallTime({ year: 2026, month: 3, day: 7, hour: 9, minute: 0 }, 'America/New_York')
    const after = fromWallTime({ year: 2026, month: 3, day: 9, hour: 9, minute: 0 }, 'America/New_York')
    expect(before.toISOString()).toBe('2026-03-07T14:00:00.000Z')
    expect(after.toISOString()).toBe('2026-03-09T13:00:00.000Z')
    expect(toWallTime(after, 'America/New_York')).toMatchObject({ hour: 9, minute: 0 })
  })

  it('moves a skipped local time forward and takes the first of a repeated one', () => {
    // 02:30 does not exist on 2026-03-08 in New York.
    expect(fromWallTime({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    )
    // 01:30 happens twice on 2026-11-01; the first is EDT (UTC-4).
    expect(fromWallTime({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    )
  })

  it('knows offsets, dates and valid zones', () => {
    expect(zoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'), 'Europe/London')).toBe(0)
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Europe/London')).toBe(60)
    expect(zoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(330)
    expect(localDate(new Date('2026-07-15T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-07-16')
    expect(isTimeZone('America/New_York')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })
})
