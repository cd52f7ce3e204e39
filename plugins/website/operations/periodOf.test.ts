import { describe, expect, it } from 'vitest'
import { periodOf } from './periodOf'

describe('periodOf', () => {
  it('keys weeks, fortnights and months in the tenant zone', () => {
    // Sunday 23:30 in New York is already Monday in UTC: still week 49 there.
    const now = new Date('2026-12-07T04:30:00Z')
    expect(periodOf('weekly', now, 'America/New_York').key).toBe('2026-W49')
    expect(periodOf('weekly', now, 'UTC').key).toBe('2026-W50')
    expect(periodOf('weekly', now, 'America/New_York').nextStart.toISOString()).toBe('2026-12-07T05:00:00.000Z')
    expect(periodOf('monthly', now, 'America/New_York')).toEqual({
      key: '2026-12',
      nextStart: new Date('2027-01-01T05:00:00.000Z'),
    })
    expect(periodOf('biweekly', new Date('2026-12-02T12:00:00Z'), 'UTC').key).toBe('2026-B25')
    expect(periodOf('biweekly', new Date('2026-12-09T12:00:00Z'), 'UTC').key).toBe('2026-B25')
    expect(periodOf('biweekly', new Date('2026-12-02T12:00:00Z'), 'UTC').nextStart.toISOString()).toBe(
      '2026-12-14T00:00:00.000Z',
    )
  })
})
