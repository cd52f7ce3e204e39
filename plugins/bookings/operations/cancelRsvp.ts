import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, OperationError, runSql } from '@/core'
import { loadEvent, loadRsvp, RSVP_COLUMNS, toRsvpJson, type RsvpJson } from './eventJson'
import { refundRsvp, type RsvpRefund } from './refundRsvp'
import { promoteRsvpWaitlist } from './promoteRsvpWaitlist'
import { ownsOrWorksDesk } from './resolveBookingMember'
import { takesAttendance } from './takesAttendance'

export type CancelRsvpResult = { rsvp: RsvpJson; refund: RsvpRefund; promoted: string[] }

/** Cancels an RSVP for its member or desk staff (a guest's: desk staff, or the guest's cancel link); others get 404. See `cancelRsvpRow`. */
export const cancelRsvp = async (req: PayloadRequest, input: { rsvpId: string; reason?: string }): Promise<CancelRsvpResult> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const peek = await loadRsvp(req, input.rsvpId)
  if (!peek || !(peek.member ? await ownsOrWorksDesk(req, peek.tenant, peek.member) : await takesAttendance(req, peek.tenant))) {
    throw new OperationError(404, 'not_found', 'No such RSVP.')
  }
  return cancelRsvpRow(req, { rsvp: peek, reason: input.reason })
}

/**
 * Cancels an RSVP the caller may cancel, before the event starts: its places go back to the event
 * in one statement under the event row lock (taken first, then the RSVP's), what it cost is
 * refunded, and the freed places go to the head of the waitlist (strict FIFO), in the same
 * transaction. Leaving the waitlist closes the gap in positions. A refused money refund refuses
 * the cancel (nothing changes).
 */
export const cancelRsvpRow = async (req: PayloadRequest, input: { rsvp: Pick<RsvpJson, 'id' | 'event'>; reason?: string }): Promise<CancelRsvpResult> => {
  const peek = input.rsvp
  const event = (await loadEvent(req, peek.event, true))!
  const rsvp = (await loadRsvp(req, peek.id, true))!
  if (rsvp.status !== 'going' && rsvp.status !== 'waitlisted') throw new OperationError(409, 'not_cancellable', `This RSVP is ${rsvp.status.replace('_', ' ')}.`)
  if (event.startTime <= new Date()) throw new OperationError(409, 'event_started', 'The event has started; ask the organisers.')
  const [row] = await runSql(
    req,
    sql`UPDATE event_rsvps SET status = 'cancelled', cancelled_at = now(), cancellation_reason = ${input.reason ?? null}, waitlist_position = NULL, updated_at = now()
        WHERE id = ${rsvp.id} AND status IN ('going', 'waitlisted') RETURNING ${RSVP_COLUMNS}`,
  )
  let promoted: string[] = []
  let refund: RsvpRefund = { credits: null, money: null }
  if (rsvp.status === 'waitlisted') {
    // Leaving the waitlist closes the gap in positions; no credits were taken yet.
    await runSql(req, sql`UPDATE event_rsvps SET waitlist_position = waitlist_position - 1 WHERE event_id = ${event.id} AND status = 'waitlisted' AND waitlist_position > ${rsvp.waitlistPosition}`)
    await runSql(req, sql`UPDATE events SET waitlist_count = waitlist_count - 1 WHERE id = ${event.id}`)
    if (rsvp.paymentMethod !== 'credits') refund = await refundRsvp(req, rsvp, 'RSVP cancelled')
  } else {
    await runSql(req, sql`UPDATE events SET going_count = going_count - ${1 + rsvp.guests} WHERE id = ${event.id}`)
    refund = await refundRsvp(req, rsvp, 'RSVP cancelled')
  }
  if (refund.failed && rsvp.paymentMethod !== 'credits') throw new OperationError(502, refund.failed.code, refund.failed.reason)
  if (rsvp.status === 'going') promoted = await promoteRsvpWaitlist(req, event)
  await emit(req, {
    type: 'event.rsvp_cancelled',
    tenant: rsvp.tenant,
    subject: { collection: 'event-rsvps', id: rsvp.id },
    data: { event: event.id, member: rsvp.member, guests: rsvp.guests, refund, reason: input.reason ?? null, previousStatus: rsvp.status },
  })
  return { rsvp: toRsvpJson(row), refund, promoted }
}
