import { describe, expect, it } from 'vitest'
import { nextAllowedSend } from './quietHours'
import { conditionHolds, parseCondition, validateCondition } from '../automations/conditions'
import { renderTemplate } from './renderTemplate'

const quiet = { start: '21:00', end: '08:00' }
const at = (iso: string) => new Date(iso)

describe('quiet hours (21:00–08:00 by default) in the member’s zone', () => {
  it('lets a send outside quiet hours go at once', () => {
    const now = at('2026-06-10T14:00:00Z') // 10:00 in New York (EDT)
    expect(nextAllowedSend(now, 'America/New_York', quiet)).toEqual(now)
  })

  it('defers an evening send to 08:00 the next local morning', () => {
    // 22:30 EDT on 9 June = 02:30Z on 10 June; 08:00 EDT = 12:00Z.
    expect(nextAllowedSend(at('2026-06-10T02:30:00Z'), 'America/New_York', quiet).toISOString()).toBe(
      '2026-06-10T12:00:00.000Z',
    )
  })

  it('defers an after-midnight send to 08:00 the same local day', () => {
    // 03:15 EDT on 10 June = 07:15Z.
    expect(nextAllowedSend(at('2026-06-10T07:15:00Z'), 'America/New_York', quiet).toISOString()).toBe(
      '2026-06-10T12:00:00.000Z',
    )
  })

  it('lands on local 08:00 across the autumn DST change (New York, 1 November 2026)', () => {
    // 22:00 EDT on 31 October = 02:00Z on 1 November; clocks fall back at 02:00 local, so
    // 08:00 on 1 November is EST (UTC−5) = 13:00Z, not 12:00Z.
    expect(nextAllowedSend(at('2026-11-01T02:00:00Z'), 'America/New_York', quiet).toISOString()).toBe(
      '2026-11-01T13:00:00.000Z',
    )
    // 01:30 EST (second pass through 01:30) = 06:30Z: still quiet, same morning.
    expect(nextAllowedSend(at('2026-11-01T06:30:00Z'), 'America/New_York', quiet).toISOString()).toBe(
      '2026-11-01T13:00:00.000Z',
    )
  })

  it('lands on local 08:00 across the spring DST change (New York, 8 March 2026)', () => {
    // 23:00 EST on 7 March = 04:00Z on 8 March; 08:00 EDT on 8 March = 12:00Z.
    expect(nextAllowedSend(at('2026-03-08T04:00:00Z'), 'America/New_York', quiet).toISOString()).toBe(
      '2026-03-08T12:00:00.000Z',
    )
  })

  it('is the next allowed minute at the window’s edges', () => {
    expect(nextAllowedSend(at('2026-06-10T12:00:00Z'), 'America/New_York', quiet).toISOString()).toBe(
      '2026-06-10T12:00:00.000Z',
    )
    expect(nextAllowedSend(at('2026-06-10T00:59:00Z'), 'America/New_York', quiet).toISOString()).toBe(
      '2026-06-10T00:59:00.000Z',
    ) // 20:59
    expect(nextAllowedSend(at('2026-06-10T01:00:00Z'), 'America/New_York', quiet).toISOString()).toBe(
      '2026-06-10T12:00:00.000Z',
    ) // 21:00
  })

  it('handles a window that does not wrap midnight, and an empty one', () => {
    expect(nextAllowedSend(at('2026-06-10T13:00:00Z'), 'UTC', { start: '12:00', end: '14:30' }).toISOString()).toBe(
      '2026-06-10T14:30:00.000Z',
    )
    const now = at('2026-06-10T23:00:00Z')
    expect(nextAllowedSend(now, 'UTC', { start: '00:00', end: '00:00' })).toEqual(now)
  })
})

describe('the condition language', () => {
  const facts = { member: { status: 'active', tags: ['vip'] }, event: { late: true, total: 5000 } }
  it('checks member and event rules', () => {
    expect(
      conditionHolds(parseCondition({ all: [{ field: 'member.tags', op: 'contains', value: 'vip' }] }), facts),
    ).toBe(true)
    expect(conditionHolds(parseCondition({ all: [{ field: 'event.late', op: 'eq', value: false }] }), facts)).toBe(
      false,
    )
    expect(conditionHolds(parseCondition({ all: [{ field: 'event.total', op: 'gte', value: 4000 }] }), facts)).toBe(
      true,
    )
    expect(
      conditionHolds(parseCondition({ all: [{ field: 'event.late', op: 'eq', value: false }] }), facts, true),
    ).toBe(true)
    expect(conditionHolds(parseCondition(null), facts)).toBe(true)
  })
  it('refuses malformed conditions with a specific message', () => {
    expect(validateCondition({ all: [{ field: 'member.password', op: 'eq', value: 'x' }] })).toMatch(
      /member.status, member.tags or event/,
    )
    expect(validateCondition({ all: [{ field: 'event.x', op: 'in', value: 'a' }] })).toMatch(/`in` needs a list/)
    expect(validateCondition({ any: [] })).toMatch(/Invalid condition/)
    expect(validateCondition({ all: [] })).toBe(true)
  })
  it('fills placeholders', () => {
    expect(
      renderTemplate('Hi {{firstName}}, welcome to {{ studioName }}{{unknown}}!', {
        firstName: 'Ada',
        studioName: 'Sunrise',
      }),
    ).toBe('Hi Ada, welcome to Sunrise!')
  })
})
