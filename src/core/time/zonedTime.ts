/** IANA time zone helpers; every schedule is computed in the zone of its location or tenant. */

export const isTimeZone = (zone: unknown): zone is string => {
  if (typeof zone !== 'string' || zone === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const formatter = (zone: string) => {
  let f = formatters.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(zone, f)
  }
  return f
}

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The wall-clock time in `zone` at an instant. */
export const toWallTime = (instant: Date, zone: string): WallTime => {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  )
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** Offset of `zone` from UTC at an instant, in minutes (New York in winter: -300). */
export const zoneOffsetMinutes = (instant: Date, zone: string): number => {
  const w = toWallTime(instant, zone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000)
}

/**
 * The instant at which the wall clock in `zone` shows the given local time. A time skipped by a
 * DST jump moves forward by the gap (02:30 on a spring-forward night → 03:30); a repeated time
 * takes its first occurrence.
 */
export const fromWallTime = (wall: Omit<WallTime, 'second'> & { second?: number }, zone: string): Date => {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0)
  const first = naive - zoneOffsetMinutes(new Date(naive), zone) * 60000
  const second = naive - zoneOffsetMinutes(new Date(first), zone) * 60000
  if (first === second) return new Date(first)
  // Ambiguous or skipped: prefer the earlier instant that shows this wall time, else the later one.
  const candidates = [first, second].sort((a, b) => a - b)
  for (const candidate of candidates) {
    const w = toWallTime(new Date(candidate), zone)
    if (w.hour === wall.hour && w.minute === wall.minute) return new Date(candidate)
  }
  return new Date(candidates[1])
}

/** `YYYY-MM-DD` of an instant in a zone. */
export const localDate = (instant: Date, zone: string): string => {
  const w = toWallTime(instant, zone)
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`
}
