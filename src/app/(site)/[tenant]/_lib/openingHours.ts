import type { Location } from '@/payload-types'

export type OpeningHoursRow = Pick<NonNullable<Location['openingHours']>[number], 'days' | 'opens' | 'closes'>

/** The location's opening hours (the website plugin's `openingHours[]`, complete rows only), or none. */
export const openingHoursOf = (location: Pick<Location, 'openingHours'>): OpeningHoursRow[] =>
  (location.openingHours ?? [])
    .filter((row) => row.days?.length && row.opens && row.closes)
    .map((row) => ({ days: row.days, opens: row.opens, closes: row.closes }))
