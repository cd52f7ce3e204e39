import { addDays, localDate, localDayBounds } from '@/core'
import { fromWallTime } from '@/core'
import type { Frequency } from '../types'

const midnight = (date: string, zone: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return fromWallTime({ year, month, day, hour: 0, minute: 0 }, zone)
}

/** ISO week-numbering year and week of a `YYYY-MM-DD` date. */
const isoWeek = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`)
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1
  return { year, week }
}

/**
 * The period of a subscription at `now`, in the tenant's zone: its key (`2026-W49` weekly,
 * `2026-B25` for the fortnight of weeks 49–50, `2026-12` monthly) and when the next one starts
 * (local midnight of the next Monday, second Monday or first of the month).
 */
export const periodOf = (frequency: Frequency, now: Date, zone: string): { key: string; nextStart: Date } => {
  const { date } = localDayBounds(now, zone)
  if (frequency === 'monthly') {
    const [year, month] = date.split('-').map(Number)
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`
    return { key: date.slice(0, 7), nextStart: midnight(next, zone) }
  }
  const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7))
  const { year, week } = isoWeek(monday)
  if (frequency === 'weekly')
    return { key: `${year}-W${String(week).padStart(2, '0')}`, nextStart: midnight(addDays(monday, 7), zone) }
  // Fortnights pair ISO weeks 1–2, 3–4, …; week 53 stands alone.
  const second = week % 2 === 0
  const next = addDays(monday, week === 53 || second ? 7 : 14)
  return { key: `${year}-B${String(Math.ceil(week / 2)).padStart(2, '0')}`, nextStart: midnight(next, zone) }
}

/** `YYYY-MM-DD` of an instant in a zone (re-exported for the job's fact labels). */
export const dayIn = localDate
