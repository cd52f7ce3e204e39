/** RFC 5545 text: the few pieces a read-only feed needs (UTC times, escaped text, folded lines). */

export type CalendarEntry = {
  uid: string
  start: Date
  end: Date
  /** When this entry last changed (DTSTAMP, LAST-MODIFIED). */
  stamp: Date
  summary: string
  description?: string | null
  location?: string | null
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED'
  url?: string | null
}

/** `20270315T130000Z` */
export const icalUtc = (instant: Date): string =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export const icalText = (value: string): string =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')

/** Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
export const foldLine = (line: string): string => {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8')
    const limit = parts.length === 0 ? 75 : 74 // continuation lines carry the leading space
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** A whole VCALENDAR with one VEVENT per entry, CRLF line ends. */
export const buildCalendar = (name: string, entries: CalendarEntry[]): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Atrium//Bookings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icalText(name)}`,
  ]
  for (const e of entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icalUtc(e.stamp)}`,
      `LAST-MODIFIED:${icalUtc(e.stamp)}`,
      `DTSTART:${icalUtc(e.start)}`,
      `DTEND:${icalUtc(e.end)}`,
      `SUMMARY:${icalText(e.summary)}`,
    )
    if (e.description) lines.push(`DESCRIPTION:${icalText(e.description)}`)
    if (e.location) lines.push(`LOCATION:${icalText(e.location)}`)
    if (e.url) lines.push(`URL:${e.url}`)
    lines.push(`STATUS:${e.status ?? 'CONFIRMED'}`, 'END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

/** Stable UIDs: the same document always gets the same UID. */
export const icalUid = (kind: 'class' | 'event' | 'booking' | 'appointment' | 'rsvp', id: string): string =>
  `${kind}-${id}@atrium`

/** The reply a calendar client reads. */
export const calendarResponse = (body: string, cacheControl: string, filename: string): Response =>
  new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${filename.replace(/[^a-z0-9._-]/gi, '_')}"`,
      'cache-control': cacheControl,
    },
  })
