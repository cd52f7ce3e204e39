import { randomInt } from 'node:crypto'

export type AccessCodeOptions = { leadMinutes: number; graceMinutes: number; digits: number }

/** A random door code of `digits` digits (leading zeros kept). */
export const newAccessCode = (digits: number): string => String(randomInt(0, 10 ** digits)).padStart(digits, '0')

/** When a reservation's door code works: from start − lead to end + grace. */
export const accessWindow = (startAt: Date, endAt: Date, o: AccessCodeOptions) => ({
  from: new Date(startAt.getTime() - o.leadMinutes * 60_000),
  until: new Date(endAt.getTime() + o.graceMinutes * 60_000),
})
