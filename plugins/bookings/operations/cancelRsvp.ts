import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, OperationError, runSql } from '@/core'
import { loadEvent, loadRsvp, RSVP_COLUMNS, toRsvpJson, type RsvpJson } from './eventJson'
import { refundRsvp, type RsvpRefund } from './refundRsvp'
import { promoteRsvpWaitlist } from './promoteRsvpWaitlist'
import { findRsvpForCaller, rsvpCancelTerms } from './rsvpCancelTerms'

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
  const [row] = await runSql(
    req,
    sql`UPDATE event_rsvps SET status = 'cancelled', cancelled_at = now(), cancellation_reason = ${input.reason ?? null}, waitlist_position = NULL, updated_at = now()
        WHERE id = ${rsvp.id} AND status IN ('going', 'waitlisted') RETURNING ${RSVP_COLUMNS}`,
  )
  if (rsvp.status === 'waitlisted') {
    // Leaving the waitlist closes the gap in positions.
    await runSql(
      req,
      sql`UPDATE event_rsvps SET waitlist_position = waitlist_position - 1 WHERE event_id = ${event.id} AND status = 'waitlisted' AND waitlist_position > ${rsvp.waitlistPosition}`,
    )
    await runSql(req, sql`UPDATE events SET waitlist_count = waitlist_count - 1 WHERE id = ${event.id}`)
  } else {
    await runSql(req, sql`UPDATE events SET going_count = going_count - ${terms.placesFreed} WHERE id = ${event.id}`)
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
  return { rsvp: toRsvpJson(row), refund, promoted }
}
