import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, runSql } from '@/core'
import { debitCreditsPort, type PaymentMethod } from '@plugins/bookings/contract'
import { queueWaitlistNotice } from '../jobs/sendWaitlistNoticeTask'
import { eventGuard } from './eventGuard'
import type { EventRow } from './eventJson'
import { guestPaymentMethod } from './guestActor'

/**
 * Fills free places of an event from its waitlist in strict FIFO order: the head of the line (the
 * lowest position) is promoted when its places (1 + guests) fit, then the next head, while places
 * are left. When the head does not fit, promotion stops: nobody behind it jumps the line, the
 * places wait for more to free up. Only an RSVP that cannot take a place at all (the guard refuses
 * it, or its credit debit fails) is passed over and keeps waiting. The caller holds the event row
 * lock. Returns the promoted RSVP ids; emits `rsvp.promoted` and queues a mail (member or guest) for each.
 */
export const promoteRsvpWaitlist = async (req: PayloadRequest, event: EventRow): Promise<string[]> => {
  const promoted: string[] = []
  const skipped: string[] = []
  for (let round = 0; round < 1000; round++) {
    const [counts] = await runSql<{ free: number | null; waiting: number }>(
      req,
      sql`SELECT capacity - going_count AS free, waitlist_count AS waiting FROM events WHERE id = ${event.id}`,
    )
    if (!counts || Number(counts.waiting) <= 0) break
    const free = counts.free === null ? null : Number(counts.free)
    if (free !== null && free <= 0) break
    const [next] = await runSql<{ id: string; member_id: string | null; guests: number; waitlist_position: number }>(
      req,
      sql`SELECT id, member_id, guests, waitlist_position FROM event_rsvps
          WHERE event_id = ${event.id} AND status = 'waitlisted'
            ${skipped.length ? sql`AND NOT (id = ANY(${`{${skipped.join(',')}}`}::uuid[]))` : sql``}
          ORDER BY waitlist_position LIMIT 1 FOR UPDATE`,
    )
    if (!next) break
    const seats = 1 + Number(next.guests ?? 0)
    // Strict FIFO: the head waits for enough places; nobody behind it goes first.
    if (free !== null && seats > free) break
    const member = next.member_id ? String(next.member_id) : null
    // A guest (no membership) is not asked about: drop-in when priced, else free.
    const verdict:
      | { allowed: true; paymentMethod: PaymentMethod; reference?: { collection: string; id: string } }
      | { allowed: false } = member
      ? await eventGuard(req, event, member)
      : { allowed: true, paymentMethod: guestPaymentMethod(event.price) }
    if (!verdict.allowed) {
      skipped.push(String(next.id))
      continue
    }
    const credits = member && verdict.paymentMethod === 'credits' ? (event.creditCost ?? 1) * seats : null
    if (credits !== null && member) {
      const debit = await callPort(req, debitCreditsPort, {
        tenant: event.tenant,
        member,
        credits,
        reason: `Promoted from the waitlist of ${event.title}`,
        ref: { collection: 'event-rsvps', id: String(next.id) },
      })
      if (!debit.ok) {
        skipped.push(String(next.id))
        continue
      }
    }
    await runSql(
      req,
      sql`UPDATE event_rsvps SET status = 'going', promoted_at = clock_timestamp(), waitlist_position = NULL, payment_method = ${verdict.paymentMethod},
                                 payment_reference = ${verdict.reference ? JSON.stringify(verdict.reference) : null}::jsonb, credits_used = ${credits}, updated_at = now()
          WHERE id = ${next.id}`,
    )
    await runSql(
      req,
      sql`UPDATE event_rsvps SET waitlist_position = waitlist_position - 1 WHERE event_id = ${event.id} AND status = 'waitlisted' AND waitlist_position > ${next.waitlist_position}`,
    )
    await runSql(
      req,
      sql`UPDATE events SET going_count = going_count + ${seats}, waitlist_count = waitlist_count - 1 WHERE id = ${event.id}`,
    )
    await emit(req, {
      type: 'rsvp.promoted',
      tenant: event.tenant,
      subject: { collection: 'event-rsvps', id: String(next.id) },
      data: { event: event.id, member, guests: seats - 1, paymentMethod: verdict.paymentMethod },
    })
    await queueWaitlistNotice(req, { collection: 'event-rsvps', id: String(next.id), kind: 'promoted' })
    promoted.push(String(next.id))
  }
  return promoted
}
