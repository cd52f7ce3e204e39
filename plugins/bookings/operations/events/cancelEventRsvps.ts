import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { toRsvpJson, type RsvpRow } from '../format/eventJson'
import { refundRsvp } from './refundRsvp'
import { rsvpRefundPlan } from './rsvpRefundPlan'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { eventsTable } from '../sql/eventsTable'

/**
 * The consequences of a cancelled event, in the same transaction: every RSVP going or waitlisted is cancelled,
 * refunded through the ports (a refused refund is reported in the event, not blocking), the
 * counter reset, `event.cancelled` emitted.
 */
export const cancelEventRsvps = async (
  req: PayloadRequest,
  input: { eventId: string; reason: string },
): Promise<number> => {
  const e = eventsTable(req)
  const r = eventRsvpsTable(req)
  const [event] = await runSql<{ tenant_id: string }>(
    req,
    sql`UPDATE ${e} SET ${e.goingCount} = 0, ${e.waitlistCount} = 0 WHERE ${e.id} = ${input.eventId} RETURNING ${e.tenant} AS tenant_id`,
  )
  if (!event) return 0
  const tenant = String(event.tenant_id)
  const cancelled = await runSql<
    Omit<
      RsvpRow,
      | 'guest_name'
      | 'guest_email'
      | 'guest_phone'
      | 'waitlist_position'
      | 'waitlisted_at'
      | 'promoted_at'
      | 'checked_in_at'
    > & {
      previous_status: string
    }
  >(
    req,
    sql`WITH before AS (SELECT ${r.id} AS id, ${r.status} AS status FROM ${r}
                        WHERE ${r.event} = ${input.eventId} AND ${r.status} IN ('going', 'waitlisted') FOR UPDATE)
        UPDATE ${r} r SET ${r.status} = 'cancelled', ${r.cancelledAt} = now(), ${r.cancellationReason} = 'event_cancelled',
                          ${r.waitlistPosition} = NULL, ${r.updatedAt} = now()
        FROM before WHERE r.${r.id} = before.id
        RETURNING before.status AS previous_status, r.${r.id} AS id, r.${r.tenant} AS tenant_id, r.${r.event} AS event_id,
                  r.${r.member} AS member_id, r.${r.status} AS status, r.${r.guests} AS guests, r.${r.paymentMethod} AS payment_method,
                  r.${r.priceAmount} AS price_amount, r.${r.priceCurrency} AS price_currency, r.${r.creditsUsed} AS credits_used,
                  r.${r.cancelledAt} AS cancelled_at, r.${r.cancellationReason} AS cancellation_reason, r.${r.createdAt} AS created_at`,
  )
  const failedRefunds: { rsvp: string; code: string; reason: string }[] = []
  for (const row of cancelled) {
    const rsvp = toRsvpJson({
      ...row,
      guest_name: null,
      guest_email: null,
      guest_phone: null,
      waitlist_position: null,
      waitlisted_at: null,
      promoted_at: null,
      checked_in_at: null,
    })
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
