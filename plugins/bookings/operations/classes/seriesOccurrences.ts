import { RRule } from './rruleLib'
import { fromWallTime, toWallTime } from '@/core'

export type SeriesRule = {
  rrule: string
  /** Local wall time of the first occurrence, `YYYY-MM-DDTHH:mm`. */
  dtstart: string
  timezone: string
  until?: string | Date | null
  /** Local dates (`YYYY-MM-DD`) to skip. */
  exdates?: string[]
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/
const ALLOWED_FREQ = [RRule.DAILY, RRule.WEEKLY, RRule.MONTHLY, RRule.YEARLY]
const pad = (n: number) => String(n).padStart(2, '0')

/** A wall time as a "floating" Date whose UTC fields are the local fields (rrule computes in UTC). */
const floating = (w: { year: number; month: number; day: number; hour: number; minute: number }) =>
  new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute))

/** A message when `value` is not an RFC 5545 RRULE this plugin accepts, else true. */
export const validateRrule = (value: unknown): true | string => {
  if (typeof value !== 'string' || value.trim() === '') return 'Give a recurrence rule such as FREQ=WEEKLY;BYDAY=MO,WE.'
  const text = value.trim().replace(/^RRULE:/i, '')
  if (/DTSTART|TZID/i.test(text))
    return 'Put the first occurrence in dtstart and the zone in timezone, not in the rule.'
  try {
    const options = RRule.parseString(text)
    if (options.freq === undefined || !ALLOWED_FREQ.includes(options.freq))
      return 'The rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.'
    new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)) }).all((_d, i) => i < 2)
    return true
  } catch (error) {
    return `Not a valid RFC 5545 recurrence rule: ${(error as Error).message}`
  }
}

export const validateLocalDateTime = (value: unknown): true | string =>
  typeof value === 'string' && LOCAL.test(value) ? true : 'Use a local date and time such as 2027-03-01T09:00.'

/**
 * The instants of a series' occurrences within [from, to]. Recurrence is computed on local wall
 * time and each occurrence is placed in the series zone, so 09:00 stays 09:00 across DST.
 */
export const seriesOccurrences = (series: SeriesRule, from: Date, to: Date): Date[] => {
  const m = LOCAL.exec(series.dtstart)
  if (!m) return []
  const [, y, mo, d, h, mi] = m.map(Number)
  const rule = new RRule({
    ...RRule.parseString(series.rrule.trim().replace(/^RRULE:/i, '')),
    dtstart: floating({ year: y, month: mo, day: d, hour: h, minute: mi }),
  })
  const dayMs = 86_400_000
  const wallFrom = new Date(floating(toWallTime(from, series.timezone)).getTime() - dayMs)
  const wallTo = new Date(floating(toWallTime(to, series.timezone)).getTime() + dayMs)
  const until = series.until ? new Date(series.until) : null
  const skip = new Set(series.exdates ?? [])
  const out: Date[] = []
  for (const occurrence of rule.between(wallFrom, wallTo, true, (_d, i) => i < 2000)) {
    const local = `${occurrence.getUTCFullYear()}-${pad(occurrence.getUTCMonth() + 1)}-${pad(occurrence.getUTCDate())}`
    if (skip.has(local)) continue
    const instant = fromWallTime(
      {
        year: occurrence.getUTCFullYear(),
        month: occurrence.getUTCMonth() + 1,
        day: occurrence.getUTCDate(),
        hour: occurrence.getUTCHours(),
        minute: occurrence.getUTCMinutes(),
      },
      series.timezone,
    )
    if (instant < from || instant > to) continue
    if (until && instant > until) continue
    out.push(instant)
  }
  return out
}
