import { toWallTime } from '@/core'
import { WEEKDAYS, type Weekday } from '../types'

/** Minutes since local midnight of `HH:MM` (24:00 → 1440). */
export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 60 + m
}

/** An instant on the wall clock of `zone`: its local date, weekday and minutes since local midnight. */
export const localClock = (instant: Date, zone: string) => {
  const w = toWallTime(instant, zone)
  const date = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`
  const weekday: Weekday = WEEKDAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]
  return { date, weekday, minutes: w.hour * 60 + w.minute }
}
