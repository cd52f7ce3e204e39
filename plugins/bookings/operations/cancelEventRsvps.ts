import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { toRsvpJson } from './eventJson'
import { refundRsvp } from './refundRsvp'
import { rsvpRefundPlan } from './rsvpRefundPlan'

/**
 * The consequences of a cancelled event, in the same transaction: every RSVP going or waitlisted is cancelled,
 * refunded through the ports (a refused refund is reported in the event, not blocking), the
 * counter reset, `event.cancelled` emitted.
 */
export const cancelEventRsvps = async (
  req: PayloadRequest,
  input: { eventId: string; reason: string },
): Promise<number> => {
  const [event] = await runSql<{ tenant_id: string }>(
    req,
    sql`UPDATE events SET going_count = 0, waitlist_count = 0 WHERE id = ${input.eventId} RETURNING tenant_id`,
  )
  if (!event) return 0
  const tenant = String(event.tenant_id)
  const cancelled = await runSql(
    req,
    sql`WITH before AS (SELECT id, status FROM event_rsvps WHERE event_id = ${input.eventId} AND status IN ('going', 'waitlisted') FOR UPDATE)
        UPDATE event_rsvps r SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'event_cancelled', waitlist_position = NULL, updated_at = now()
        FROM before WHERE r.id = before.id
        RETURNING before.status AS previous_status, r.id, r.tenant_id, r.event_id, r.member_id, r.status, r.guests, r.payment_method, r.price_amount,
                  r.price_currency, r.credits_used, r.cancelled_at, r.cancellation_reason, r.created_at`,
  )
  const failedRefunds: { rsvp: string; code: string; reason: string }[] = []
  for (const row of cancelled) {
    const rsvp = toRsvpJson(row)
    // The plan of the RSVP as it was (a waitlisted one paid with credits was not charged yet).
    const refund = await refundRsvp(
      req,
      rsvp,
      rsvpRefundPlan({ ...rsvp, status: String(row.previous_status) }),
      'Event cancelled',
    )
    if (refund.failed) failedRefunds.push({ rsvp: rsvp.id, ...refund.failed })
    await emit(req, {
      type: 'event.rsvp_cancelled',
      tenant,
      subject: { collection: 'event-rsvps', id: rsvp.id },
      data: { event: input.eventId, member: rsvp.member, guests: rsvp.guests, refund, reason: 'event_cancelled' },
    })
  }
  await emit(req, {
    type: 'event.cancelled',
    tenant,
    subject: { collection: 'events', id: input.eventId },
    data: { reason: input.reason, rsvpsCancelled: cancelled.length, failedRefunds },
  })
  return cancelled.length
}
