import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, OperationError, runSql, siteChanged } from '@/core'
import { loadEvent, loadRsvp, rsvpColumns, toRsvpJson, type RsvpJson, type RsvpRow } from '../format/eventJson'
import { refundRsvp, type RsvpRefund } from './refundRsvp'
import { promoteRsvpWaitlist } from './promoteRsvpWaitlist'
import { findRsvpForCaller, rsvpCancelTerms } from './rsvpCancelTerms'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { eventsTable } from '../sql/eventsTable'

export type CancelRsvpResult = { rsvp: RsvpJson; refund: RsvpRefund; promoted: string[] }

/** Cancels an RSVP for its member or desk staff (a guest's: desk staff, or the guest's cancel link); others get 404. See `cancelRsvpRow`. */
export const cancelRsvp = async (
  req: PayloadRequest,
  input: { rsvpId: string; reason?: string },
): Promise<CancelRsvpResult> => {
  const peek = await findRsvpForCaller(req, input.rsvpId)
  return cancelRsvpRow(req, { rsvp: peek, reason: input.reason })
}

/**
 * Cancels an RSVP the caller may cancel, before the event starts: its places go back to the event
 * in one statement under the event row lock (taken first, then the RSVP's), what it cost is
 * refunded (`rsvpCancelTerms`, which the preview shows), and the freed places go to the head of
 * the waitlist (strict FIFO), in the same transaction. Leaving the waitlist closes the gap in
 * positions. A refused money refund refuses the cancel (nothing changes).
 */
export const cancelRsvpRow = async (
  req: PayloadRequest,
  input: { rsvp: Pick<RsvpJson, 'id' | 'event'>; reason?: string },
): Promise<CancelRsvpResult> => {
  const peek = input.rsvp
  const event = (await loadEvent(req, peek.event, true))!
  const rsvp = (await loadRsvp(req, peek.id, true))!
  const terms = rsvpCancelTerms(rsvp, event)
  const e = eventsTable(req)
  const r = eventRsvpsTable(req)
  const [row] = await runSql<RsvpRow>(
    req,
    sql`UPDATE ${r} SET ${r.status} = 'cancelled', ${r.cancelledAt} = now(), ${r.cancellationReason} = ${input.reason ?? null},
                        ${r.waitlistPosition} = NULL, ${r.updatedAt} = now()
        WHERE ${r.id} = ${rsvp.id} AND ${r.status} IN ('going', 'waitlisted') RETURNING ${rsvpColumns(r)}`,
  )
  if (rsvp.status === 'waitlisted') {
    // Leaving the waitlist closes the gap in positions.
    await runSql(
      req,
      sql`UPDATE ${r} SET ${r.waitlistPosition} = ${r.waitlistPosition} - 1
          WHERE ${r.event} = ${event.id} AND ${r.status} = 'waitlisted' AND ${r.waitlistPosition} > ${rsvp.waitlistPosition}`,
    )
    await runSql(req, sql`UPDATE ${e} SET ${e.waitlistCount} = ${e.waitlistCount} - 1 WHERE ${e.id} = ${event.id}`)
  } else {
    await runSql(
      req,
      sql`UPDATE ${e} SET ${e.goingCount} = ${e.goingCount} - ${terms.placesFreed} WHERE ${e.id} = ${event.id}`,
    )
  }
  const refund = await refundRsvp(req, rsvp, terms.refund, 'RSVP cancelled')
  if (refund.failed && terms.refund.kind === 'money')
    throw new OperationError(502, refund.failed.code, refund.failed.reason)
  const promoted = terms.placesFreed > 0 ? await promoteRsvpWaitlist(req, event) : []
  await emit(req, {
    type: 'event.rsvp_cancelled',
    tenant: rsvp.tenant,
    subject: { collection: 'event-rsvps', id: rsvp.id },
    data: {
      event: event.id,
      member: rsvp.member,
      guests: rsvp.guests,
      refund,
      reason: input.reason ?? null,
      previousStatus: rsvp.status,
    },
  })
  siteChanged(rsvp.tenant, 'events')
  return { rsvp: toRsvpJson(row), refund, promoted }
}
