import { fromWallTime, localDate } from '@/core'

export type AvailabilityRule = {
  kind: 'available' | 'unavailable'
  /** 0 = Sunday … 6 = Saturday, in the rule's zone. */
  weekday: number
  startLocal: string
  endLocal: string
  timezone: string
  validFrom: string | null
  validUntil: string | null
}

/** A half-open interval of instants in epoch milliseconds. */
export type Interval = { start: number; end: number }

const DAY = 86_400_000

/** Every occurrence of a rule that touches [from, to), each computed on the local wall clock of its zone. */
export const ruleOccurrences = (rule: AvailabilityRule, from: Date, to: Date): Interval[] => {
  const out: Interval[] = []
  const [y0, m0, d0] = localDate(new Date(from.getTime() - DAY), rule.timezone)
    .split('-')
    .map(Number)
  const last = localDate(new Date(to.getTime() + DAY), rule.timezone)
  const [sh, sm] = rule.startLocal.split(':').map(Number)
  const [eh, em] = rule.endLocal.split(':').map(Number)
  for (let day = Date.UTC(y0, m0 - 1, d0); ; day += DAY) {
    const date = new Date(day)
    const ymd = date.toISOString().slice(0, 10)
    if (ymd > last) break
    if (date.getUTCDay() !== rule.weekday) continue
    if ((rule.validFrom && ymd < rule.validFrom) || (rule.validUntil && ymd > rule.validUntil)) continue
    const wall = { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
    const start = fromWallTime({ ...wall, hour: sh, minute: sm }, rule.timezone).getTime()
    const end = fromWallTime({ ...wall, hour: eh, minute: em }, rule.timezone).getTime()
    if (end > start && end > from.getTime() && start < to.getTime()) out.push({ start, end })
  }
  return out
}

/** Sorted, merged union of intervals. */
export const mergeIntervals = (intervals: Interval[]): Interval[] => {
  const sorted = [...intervals].sort((a, b) => a.start - b.start)
  const out: Interval[] = []
  for (const i of sorted) {
    const last = out[out.length - 1]
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end)
    else out.push({ ...i })
  }
  return out
}

/** `base` minus `holes` (both any order); the result is sorted and merged. */
export const subtractIntervals = (base: Interval[], holes: Interval[]): Interval[] => {
  let out = mergeIntervals(base)
  for (const hole of mergeIntervals(holes)) {
    out = out.flatMap((i) => {
      if (hole.end <= i.start || hole.start >= i.end) return [i]
      const parts: Interval[] = []
      if (hole.start > i.start) parts.push({ start: i.start, end: hole.start })
      if (hole.end < i.end) parts.push({ start: hole.end, end: i.end })
      return parts
    })
  }
  return out
}

/** The windows in [from, to) a provider is available: available rules minus unavailable ones. */
export const availabilityWindows = (rules: AvailabilityRule[], from: Date, to: Date): Interval[] => {
  const open = rules.filter((r) => r.kind === 'available').flatMap((r) => ruleOccurrences(r, from, to))
  const closed = rules.filter((r) => r.kind === 'unavailable').flatMap((r) => ruleOccurrences(r, from, to))
  return subtractIntervals(open, closed)
}

export type SlotTerms = {
  durationMinutes: number
  bufferBeforeMinutes: number
  bufferAfterMinutes: number
  slotIntervalMinutes: number
}

/**
 * Slot starts inside `windows` (stepping from each window's start), whose buffered span
 * [start − before, end + after) avoids every `busy` interval, between `earliest` and `latest`.
 */
export const freeSlots = (
  windows: Interval[],
  busy: Interval[],
  terms: SlotTerms,
  earliest: number,
  latest: number,
): Interval[] => {
  const duration = terms.durationMinutes * 60_000
  const before = terms.bufferBeforeMinutes * 60_000
  const after = terms.bufferAfterMinutes * 60_000
  const step = Math.max(1, terms.slotIntervalMinutes) * 60_000
  const blocked = mergeIntervals(busy)
  const out: Interval[] = []
  for (const w of windows) {
    for (let start = w.start; start + duration <= w.end; start += step) {
      if (start < earliest || start > latest) continue
      const span = { start: start - before, end: start + duration + after }
      if (blocked.some((b) => b.start < span.end && b.end > span.start)) continue
      out.push({ start, end: start + duration })
    }
  }
  return out
}

/** Does [start, end) lie inside one of the windows? */
export const insideWindows = (windows: Interval[], start: number, end: number): boolean =>
  windows.some((w) => w.start <= start && end <= w.end)
