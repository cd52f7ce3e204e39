import { describe, expect, it } from 'vitest'
import { buildCalendar, foldLine, icalText, icalUtc } from './icalFormat'

describe('RFC 5545 text', () => {
  it('writes UTC times with Z and escapes text', () => {
    expect(icalUtc(new Date('2027-03-15T13:00:00.000Z'))).toBe('20270315T130000Z')
    expect(icalText('Yoga; flow, slow\\fast\nline 2')).toBe('Yoga\\; flow\\, slow\\\\fast\\nline 2')
  })

  it('folds lines at 75 octets without splitting a multi-byte character', () => {
    const line = 'SUMMARY:' + 'é'.repeat(60)
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75)
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true)
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line)
    expect(foldLine('SHORT:x')).toBe('SHORT:x')
  })

  it('builds a calendar with CRLF lines', () => {
    const text = buildCalendar('Lotus', [
      {
        uid: 'class-1@atrium',
        start: new Date('2027-03-15T13:00:00Z'),
        end: new Date('2027-03-15T14:00:00Z'),
        stamp: new Date('2027-03-01T00:00:00Z'),
        summary: 'Flow',
      },
    ])
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text).toContain('\r\nUID:class-1@atrium\r\nDTSTAMP:20270301T000000Z\r\n')
    expect(text).toContain('\r\nDTSTART:20270315T130000Z\r\nDTEND:20270315T140000Z\r\n')
    expect(text.endsWith('END:VEVENT\r\nEND:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/)
  })
})
