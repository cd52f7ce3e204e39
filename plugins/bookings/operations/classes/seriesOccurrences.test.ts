import { describe, expect, it } from 'vitest'
import { toWallTime } from '@/core'
import { seriesOccurrences, validateRrule } from './seriesOccurrences'

describe('seriesOccurrences', () => {
  it('keeps 09:00 local across the March 2027 DST change in New York', () => {
    const series = { rrule: 'FREQ=WEEKLY;BYDAY=MO', dtstart: '2027-03-01T09:00', timezone: 'America/New_York' }
    const out = seriesOccurrences(series, new Date('2027-02-28T00:00:00Z'), new Date('2027-03-28T00:00:00Z'))
    expect(out.map((d) => d.toISOString())).toEqual([
      '2027-03-01T14:00:00.000Z',
      '2027-03-08T14:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
      '2027-03-22T13:00:00.000Z',
    ])
    expect(out.every((d) => toWallTime(d, 'America/New_York').hour === 9)).toBe(true)
  })

  it('skips exdates and stops at until', () => {
    const series = {
      rrule: 'FREQ=DAILY',
      dtstart: '2027-01-01T18:30',
      timezone: 'Europe/Paris',
      exdates: ['2027-01-02'],
      until: '2027-01-04T00:00:00Z',
    }
    const out = seriesOccurrences(series, new Date('2026-12-31T00:00:00Z'), new Date('2027-01-10T00:00:00Z'))
    expect(out.map((d) => d.toISOString())).toEqual(['2027-01-01T17:30:00.000Z', '2027-01-03T17:30:00.000Z'])
  })

  it('validates rules', () => {
    expect(validateRrule('FREQ=WEEKLY;BYDAY=MO,WE')).toBe(true)
    expect(validateRrule('FREQ=SOMETIMES')).toMatch(/not a valid|needs FREQ/i)
    expect(validateRrule('BYDAY=MO')).toMatch(/needs FREQ/)
    expect(validateRrule('DTSTART:20270101T090000Z\nRRULE:FREQ=DAILY')).toMatch(/dtstart/)
    expect(validateRrule('')).toMatch(/recurrence rule/)
  })
})
