import type { PayloadRequest } from 'payload'
import { callPort, localDayBounds } from '@/core'
import { useIncludedMinutesPort } from '../contract'
import type { PreparedBooking } from './prepareBooking'

/**
 * How many minutes of the owner's own part are free: what is left of their tier's included
 * minutes on the reservation's local day (the club's zone), from billing's usage records through
 * `facility.useIncludedMinutes`. Booking counts them (`reservation`: the new reservation's id, in
 * its transaction, under the day row's lock); a quote (`reservation` null) peeks at the same
 * number without writing, so the fee it shows is the fee a booking made now charges.
 */
export const ownerIncludedMinutes = async (
  req: PayloadRequest,
  booking: Pick<PreparedBooking, 'resource' | 'actor' | 'owner' | 'zone' | 'startAt' | 'endAt'>,
  reservation: string | null,
): Promise<number> => {
  const { resource, actor, owner, zone, startAt, endAt } = booking
  if (!(owner.includedMinutesPerDay > 0)) return 0
  const day = localDayBounds(startAt, zone)
  const base = {
    tenant: resource.tenant,
    member: actor.member,
    minutes: (endAt.getTime() - startAt.getTime()) / 60_000,
    allowance: owner.includedMinutesPerDay,
    day: { start: new Date(day.from).toISOString(), end: new Date(day.to).toISOString() },
  }
  const used = await callPort(
    req,
    useIncludedMinutesPort,
    reservation ? { ...base, ref: { collection: 'reservations', id: reservation } } : { ...base, peek: true },
  )
  return used.minutes
}
