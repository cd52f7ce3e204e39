import { addDays, fromWallTime, localDate, toWallTime } from '@/core'

export type QuietHours = { start: string; end: string }

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

/** Whether the local minute `m` (0–1439) lies in the window (which may wrap midnight, 21:00–08:00). */
const inWindow = (m: number, start: number, end: number): boolean =>
  start === end ? false : start < end ? m >= start && m < end : m >= start || m < end

/**
 * The first instant at or after `now` outside quiet hours in `zone`: `now` itself when allowed,
 * else the window's end on the right local day, converted with the zone's offset of that day (a
 * DST change during the night moves the UTC instant, not the local 08:00).
 */
export const nextAllowedSend = (now: Date, zone: string, quiet: QuietHours): Date => {
  const start = minutesOf(quiet.start)
  const end = minutesOf(quiet.end)
  const wall = toWallTime(now, zone)
  const minute = wall.hour * 60 + wall.minute
  if (!inWindow(minute, start, end)) return now
  const today = localDate(now, zone)
  // Past midnight in a wrapping window (or a same-day window): the end is today; before midnight, tomorrow.
  const day = start > end && minute >= start ? addDays(today, 1) : today
  const [year, month, date] = day.split('-').map(Number)
  return fromWallTime({ year, month, day: date, hour: Math.floor(end / 60), minute: end % 60 }, zone)
}

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/
