import { toWallTime, zoneOffsetMinutes } from '@/core/time/zonedTime'

const two = (n: number) => String(n).padStart(2, '0')

/** `+HH:MM` / `-HH:MM` of an offset in minutes (`Z` is never used: the offset says where the event is). */
export const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
}

/**
 * An instant as ISO 8601 local time in an IANA zone with that zone's UTC offset at that instant
 * (DST included): 2026-03-08T15:00:00Z in America/New_York → `2026-03-08T11:00:00-04:00`.
 */
export const isoInZone = (instant: Date | string, zone: string): string => {
  const at = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`)
  const w = toWallTime(at, zone)
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${formatOffset(
    zoneOffsetMinutes(at, zone),
  )}`
}
