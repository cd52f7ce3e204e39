import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { toRsvpJson } from './eventJson'
import { refundRsvp } from './refundRsvp'

/**
 * The consequences of a cancelled event, in the same transaction: every RSVP going is cancelled,
 * refunded through the ports (a refused refund is reported in the event, not blocking), the
 * counter reset, `event.cancelled` emitted.
 */
export const cancelEventRsvps = async (req: PayloadRequest, input: { eventId: string; reason: string }): Promise<number> => {
  const [event] = await runSql<{ tenant_id: string }>(req, sql`UPDATE events SET going_count = 0 WHERE id = ${input.eventId} RETURNING tenant_id`)
  if (!event) return 0
  const tenant = String(event.tenant_id)
  const cancelled = await runSql(
    req,
    sql`UPDATE event_rsvps SET status = 'cancelled', cancelled_at = now(), cancellation_reason = 'event_cancelled', updated_at = now()
        WHERE event_id = ${input.eventId} AND status = 'going'
        RETURNING id, tenant_id, event_id, member_id, status, guests, payment_method, price_amount, price_currency, credits_used, cancelled_at, cancellation_reason, created_at`,
  )
  const failedRefunds: { rsvp: string; code: string; reason: string }[] = []
  for (const row of cancelled) {
    const rsvp = toRsvpJson(row)
    const refund = await refundRsvp(req, rsvp, 'Event cancelled')
    if (refund.failed) failedRefunds.push({ rsvp: rsvp.id, ...refund.failed })
    await emit(req, {
      type: 'event.rsvp_cancelled',
      tenant,
      subject: { collection: 'event-rsvps', id: rsvp.id },
      data: { event: input.eventId, member: rsvp.member, guests: rsvp.guests, refund, reason: 'event_cancelled' },
    })
  }
  await emit(req, { type: 'event.cancelled', tenant, subject: { collection: 'events', id: input.eventId }, data: { reason: input.reason, rsvpsCancelled: cancelled.length, failedRefunds } })
  return cancelled.length
}
