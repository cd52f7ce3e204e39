import { fromWallTime } from '@/core'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

type Wall = { year: number; month: number; day: number }

const dateOf = (text: string): Wall | null => {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)
  if (m) return { year: +m[1], month: +m[2], day: +m[3] }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text) // Trackman's US exports: month/day/year
  if (m) return { year: +m[3], month: +m[1], day: +m[2] }
  m = /^(\d{1,2})[ -]([a-z]{3})[a-z]*[ -](\d{4})$/i.exec(text) // 15 Jan 2030
  if (m && MONTHS.includes(m[2].toLowerCase()))
    return { year: +m[3], month: MONTHS.indexOf(m[2].toLowerCase()) + 1, day: +m[1] }
  return null
}

const timeOf = (text: string): { hour: number; minute: number; second: number } | null => {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(text)
  if (!m) return null
  let hour = +m[1]
  const minute = +m[2]
  const second = m[3] ? +m[3] : 0
  if (m[4]) {
    if (hour < 1 || hour > 12) return null
    const pm = m[4].toLowerCase().startsWith('p')
    hour = (hour % 12) + (pm ? 12 : 0)
  }
  if (hour > 23 || minute > 59 || second > 59) return null
  return { hour, minute, second }
}

const validDate = ({ year, month, day }: Wall) => {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

/**
 * The instant a Trackman export's date-time names. With an offset or `Z` (ISO 8601) it is that
 * instant; otherwise it is a wall-clock time in `zone` (the club's IANA zone; DST included: a time
 * skipped by the spring-forward jump moves forward by the gap, a repeated one takes its first
 * occurrence). Accepts `YYYY-MM-DD HH:MM[:SS]` (or a `T`), `M/D/YYYY h:mm[ AM|PM]` and
 * `15 Jan 2030 10:00`; a bare time takes its date from `date` (a separate Date column). Null when unreadable.
 */
export const localInstant = (text: string, zone: string, date = ''): Date | null => {
  const value = text.trim()
  if (!value) return null
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const instant = new Date(value)
    return Number.isNaN(instant.getTime()) ? null : instant
  }
  const split = /^(.*?\d)[T ]+(\d{1,2}:\d{2}.*)$/i.exec(value)
  const day = dateOf(split ? split[1].trim() : date.trim())
  const time = timeOf(split ? split[2].trim() : value)
  if (!day || !time || !validDate(day)) return null
  return fromWallTime({ ...day, ...time }, zone)
}
