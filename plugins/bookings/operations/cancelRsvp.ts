import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, OperationError, runSql } from '@/core'
import { loadEvent, loadRsvp, RSVP_COLUMNS, toRsvpJson, type RsvpJson } from './eventJson'
import { refundRsvp, type RsvpRefund } from './refundRsvp'
import { promoteRsvpWaitlist } from './promoteRsvpWaitlist'
import { ownsOrWorksDesk } from './resolveBookingMember'

/**
 * Cancels an RSVP (its member or desk staff; others get 404) before the event starts: its places
 * go back to the event in one statement under the event row lock, what it cost is refunded, and
 * the freed places go to the first waitlisted RSVPs that fit, in the same transaction. Leaving the
 * waitlist closes the gap in positions. A refused money refund refuses the cancel (nothing changes).
 */
export const cancelRsvp = async (req: PayloadRequest, input: { rsvpId: string; reason?: string }): Promise<{ rsvp: RsvpJson; refund: RsvpRefund; promoted: string[] }> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const peek = await loadRsvp(req, input.rsvpId)
  if (!peek || !(await ownsOrWorksDesk(req, peek.tenant, peek.member))) throw new OperationError(404, 'not_found', 'No such RSVP.')
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
