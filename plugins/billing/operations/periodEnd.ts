import { fromWallTime, toWallTime } from '@/core'
import type { PriceInterval } from '../types'

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * The end of a billing period that starts at `start`: `count` weeks, months or years later on the
 * wall clock of `zone` (so a monthly period keeps its local time across DST changes; the 31st
 * falls back to the month's last day). A one-time price has no end (null).
 */
export const periodEnd = (start: Date, interval: PriceInterval, count: number, zone: string): Date | null => {
  if (interval === 'one_time') return null
  const wall = toWallTime(start, zone)
  if (interval === 'week') {
    const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + 7 * count))
    return fromWallTime(
      { ...wall, year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
      zone,
    )
  }
  const months = interval === 'year' ? 12 * count : count
  const index = wall.year * 12 + (wall.month - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return fromWallTime({ ...wall, year, month, day: Math.min(wall.day, daysIn(year, month)) }, zone)
}

/** `start` plus `days` calendar days on the wall clock of `zone`. */
export const addDays = (start: Date, days: number, zone: string): Date => {
  const wall = toWallTime(start, zone)
  const day = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days))
  return fromWallTime(
    { ...wall, year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    zone,
  )
}
