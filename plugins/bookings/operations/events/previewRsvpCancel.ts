import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { loadEvent, type EventRow, type RsvpJson } from '../format/eventJson'
import { findRsvpForCaller, rsvpCancelTerms } from './rsvpCancelTerms'
import type { RsvpRefundPlan } from './rsvpRefundPlan'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'

export type RsvpCancelPreview = { rsvp: RsvpJson; refund: RsvpRefundPlan; placesFreed: number; promotes?: number }

/**
 * What `POST /api/event-rsvps/:id/cancel` would do now, changing nothing: the same terms the cancel
 * decides with (`rsvpCancelTerms`: refund and freed places; 409 when it could not be cancelled) and,
 * when places free up on an event with a waitlist, how many waiting RSVPs would take them (strict
 * FIFO, as `promoteRsvpWaitlist`; one the guard refuses or cannot pay is passed over then).
 */
export const previewRsvpCancel = async (req: PayloadRequest, rsvpId: string): Promise<RsvpCancelPreview> => {
  const rsvp = await findRsvpForCaller(req, rsvpId)
  const event = (await loadEvent(req, rsvp.event))!
  const { refund, placesFreed } = rsvpCancelTerms(rsvp, event)
  if (placesFreed === 0 || event.waitlistCount === 0) return { rsvp, refund, placesFreed }
  return { rsvp, refund, placesFreed, promotes: await headsThatFit(req, event, placesFreed) }
}

/** How many RSVPs from the head of the waitlist fit, in line order, into the free places plus `freed`; the first that does not fit stops the line. */
const headsThatFit = async (req: PayloadRequest, event: EventRow, freed: number): Promise<number> => {
  let free = event.capacity === null ? Number.POSITIVE_INFINITY : event.capacity - event.goingCount + freed
  const r = eventRsvpsTable(req)
  const line = await runSql<{ guests: number }>(
    req,
    sql`SELECT ${r.guests} AS guests FROM ${r.$table} WHERE ${r.event} = ${event.id} AND ${r.status} = 'waitlisted' ORDER BY ${r.waitlistPosition}
        ${Number.isFinite(free) ? sql`LIMIT ${Math.max(0, free)}` : sql``}`,
  )
  let fits = 0
  for (const { guests } of line) {
    const seats = 1 + Number(guests ?? 0)
    if (seats > free) break
    free -= seats
    fits++
  }
  return fits
}
