import { z } from 'zod'

export const uuid = z.string().uuid('must be a UUID')
export const idParam = z.object({ id: uuid })

/** A path segment without its optional `.ics` suffix (calendar apps like the suffix). */
export const withoutIcs = (value: string) => value.replace(/\.ics$/i, '')

/** Which business a calendar token is for: its slug or id. */
export const calendarTokenBody = z.object({ tenant: z.string().min(1).max(100) }).strict()
