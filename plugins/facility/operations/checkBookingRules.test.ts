import { describe, expect, it } from 'vitest'
import { checkBookingRules, type BookingRules } from './checkBookingRules'

const rules: BookingRules = {
  openingHours: [
    { weekday: 'tue', opensAt: '07:00', closesAt: '22:00' },
    { weekday: 'sun', opensAt: '00:00', closesAt: '24:00' },
  ],
  slotMinutes: 30,
  minMinutes: 60,
  maxMinutes: 120,
  bookingWindowDays: 7,
}
const now = new Date('2026-03-01T12:00:00Z')
const zone = 'America/Chicago'
const refusal = (start: string, end: string, r: Partial<BookingRules> = {}) => {
  try {
    checkBookingRules({ ...rules, ...r }, new Date(start), new Date(end), zone, now)
    return null
  } catch (error) {
    return (error as { code?: string }).code
  }
}

describe('checkBookingRules', () => {
  it('accepts a slot-aligned range inside the local opening hours', () => {
    // Tuesday 3 March 2026, 07:00–08:00 CST.
    expect(refusal('2026-03-03T13:00:00Z', '2026-03-03T14:00:00Z')).toBeNull()
    // Up to closing time, and a day open until midnight.
    expect(refusal('2026-03-04T02:00:00Z', '2026-03-04T04:00:00Z')).toBeNull()
    expect(refusal('2026-03-02T04:00:00Z', '2026-03-02T06:00:00Z')).toBeNull()
  })

  it('refuses what the rules do not allow, each with its own code', () => {
    expect(refusal('2026-03-03T12:30:00Z', '2026-03-03T13:30:00Z')).toBe('outside_opening_hours') // 06:30 local
    expect(refusal('2026-03-04T03:30:00Z', '2026-03-04T04:30:00Z')).toBe('outside_opening_hours') // past 22:00
    expect(refusal('2026-03-04T13:00:00Z', '2026-03-04T14:00:00Z')).toBe('outside_opening_hours') // Wednesday: closed
    expect(refusal('2026-03-03T13:15:00Z', '2026-03-03T14:15:00Z')).toBe('off_slot')
    expect(refusal('2026-03-03T13:00:00Z', '2026-03-03T14:15:00Z')).toBe('off_slot')
    expect(refusal('2026-03-03T13:00:00Z', '2026-03-03T13:30:00Z')).toBe('invalid_duration')
    expect(refusal('2026-03-03T13:00:00Z', '2026-03-03T16:00:00Z')).toBe('invalid_duration')
    expect(refusal('2026-02-24T13:00:00Z', '2026-02-24T14:00:00Z')).toBe('in_the_past')
    expect(refusal('2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z')).toBe('outside_booking_window')
  })

  it('reads opening hours on the local clock across the DST change', () => {
    // Tuesday 10 March 2026 (CDT, UTC−5): 07:00 local is 12:00Z.
    expect(refusal('2026-03-10T12:00:00Z', '2026-03-10T13:00:00Z', { bookingWindowDays: 14 })).toBeNull()
    expect(refusal('2026-03-10T13:00:00Z', '2026-03-10T14:00:00Z', { bookingWindowDays: 14 })).toBeNull()
    // 12:00Z on Tuesday 3 March was 06:00 CST: closed.
    expect(refusal('2026-03-03T12:00:00Z', '2026-03-03T13:00:00Z')).toBe('outside_opening_hours')
  })
})
