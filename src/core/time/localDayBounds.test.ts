import { describe, expect, it } from 'vitest'
import { localDayBounds } from './localDayBounds'

describe('localDayBounds', () => {
  it("gives the zone's day and its Monday-to-Monday week as UTC instants", () => {
    const b = localDayBounds(new Date('2026-12-06T03:00:00Z'), 'America/New_York') // Saturday evening in New York
    expect(b.date).toBe('2026-12-05')
    expect(b.from.toISOString()).toBe('2026-12-05T05:00:00.000Z')
    expect(b.to.toISOString()).toBe('2026-12-06T05:00:00.000Z')
    expect(b.weekFrom.toISOString()).toBe('2026-11-30T05:00:00.000Z')
    expect(b.weekTo.toISOString()).toBe('2026-12-07T05:00:00.000Z')
  })

  it('lasts 23 hours on a spring-forward day', () => {
    const b = localDayBounds(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin')
    expect(b.to.getTime() - b.from.getTime()).toBe(23 * 3_600_000)
  })
})
