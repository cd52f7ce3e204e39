import { describe, expect, it } from 'vitest'
import { localInstant } from './localInstant'

const chicago = 'America/Chicago'
const iso = (text: string, date?: string) => localInstant(text, chicago, date)?.toISOString() ?? null

describe('localInstant (times of a Trackman export in the club zone)', () => {
  it('reads ISO-like local times in the zone', () => {
    expect(iso('2030-01-15 10:00')).toBe('2030-01-15T16:00:00.000Z')
    expect(iso('2030-07-15T10:00:30')).toBe('2030-07-15T15:00:30.000Z')
  })
  it('keeps an explicit offset', () => {
    expect(iso('2030-01-15T10:00:00Z')).toBe('2030-01-15T10:00:00.000Z')
    expect(iso('2030-01-15T10:00:00+01:00')).toBe('2030-01-15T09:00:00.000Z')
  })
  it('reads US month/day/year with AM/PM and day-month-name forms', () => {
    expect(iso('1/15/2030 10:00 AM')).toBe('2030-01-15T16:00:00.000Z')
    expect(iso('01/15/2030 12:30 PM')).toBe('2030-01-15T18:30:00.000Z')
    expect(iso('1/15/2030 12:00 am')).toBe('2030-01-15T06:00:00.000Z')
    expect(iso('15 Jan 2030 22:15')).toBe('2030-01-16T04:15:00.000Z')
  })
  it('takes the date of a separate Date column for a bare time', () => {
    expect(iso('18:00', '2030-01-15')).toBe('2030-01-16T00:00:00.000Z')
    expect(iso('6:00 PM', '1/15/2030')).toBe('2030-01-16T00:00:00.000Z')
  })
  it('is DST correct: the same wall time an hour apart in UTC across the spring-forward day', () => {
    // 2030-03-10 is the second Sunday of March: Chicago moves from CST (−6) to CDT (−5) at 02:00.
    expect(iso('2030-03-10 01:00')).toBe('2030-03-10T07:00:00.000Z')
    expect(iso('2030-03-10 03:00')).toBe('2030-03-10T08:00:00.000Z')
    expect(iso('2030-03-10 10:00')).toBe('2030-03-10T15:00:00.000Z')
    // A skipped time moves forward by the gap.
    expect(iso('2030-03-10 02:30')).toBe('2030-03-10T08:30:00.000Z')
    // Fall back (2030-11-03): 01:30 happens twice, the first is taken.
    expect(iso('2030-11-03 01:30')).toBe('2030-11-03T06:30:00.000Z')
  })
  it('refuses what it cannot read', () => {
    expect(iso('')).toBeNull()
    expect(iso('tomorrow')).toBeNull()
    expect(iso('2030-02-30 10:00')).toBeNull()
    expect(iso('2030-01-15 25:00')).toBeNull()
    expect(iso('13:00 PM', '2030-01-15')).toBeNull()
    expect(iso('10:00')).toBeNull()
  })
})
