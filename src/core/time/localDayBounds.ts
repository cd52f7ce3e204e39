import { fromWallTime, localDate } from './zonedTime'

const midnight = (date: string, zone: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return fromWallTime({ year, month, day, hour: 0, minute: 0 }, zone)
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no zone). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The local day around `now` in `zone` as UTC instants, midnight to midnight (a DST day lasts 23
 * or 25 hours), and the week it falls in (Monday to Monday).
 */
export const localDayBounds = (now: Date, zone: string) => {
  const date = localDate(now, zone)
  const monday = addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7))
  return {
    date,
    from: midnight(date, zone),
    to: midnight(addDays(date, 1), zone),
    weekFrom: midnight(monday, zone),
    weekTo: midnight(addDays(monday, 7), zone),
  }
}
