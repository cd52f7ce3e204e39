import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, runSql } from '@/core'
import { debitCreditsPort, type PaymentMethod } from '@plugins/bookings/contract'
import { queueWaitlistNotice } from '../../jobs/sendWaitlistNoticeTask'
import { eventGuard } from './eventGuard'
import type { EventRow } from '../format/eventJson'
import { guestPaymentMethod } from '../guests/guestActor'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { eventsTable } from '../sql/eventsTable'

/**
 * Fills free places of an event from its waitlist in strict FIFO order: the head of the line (the
 * lowest position) is promoted when its places (1 + guests) fit, then the next head, while places
 * are left. When the head does not fit, promotion stops: nobody behind it jumps the line, the
 * places wait for more to free up. Only an RSVP that cannot take a place at all (the guard refuses
 * it, or its credit debit fails) is passed over and keeps waiting. The caller holds the event row
 * lock. Returns the promoted RSVP ids; emits `rsvp.promoted` and queues a mail (member or guest) for each.
 */
export const promoteRsvpWaitlist = async (req: PayloadRequest, event: EventRow): Promise<string[]> => {
  const e = eventsTable(req)
  const r = eventRsvpsTable(req)
  const promoted: string[] = []
  const skipped: string[] = []
  for (let round = 0; round < 1000; round++) {
    const [counts] = await runSql<{ free: number | null; waiting: number }>(
      req,
      sql`SELECT ${e.capacity} - ${e.goingCount} AS free, ${e.waitlistCount} AS waiting FROM ${e} WHERE ${e.id} = ${event.id}`,
    )
    if (!counts || Number(counts.waiting) <= 0) break
    const free = counts.free === null ? null : Number(counts.free)
    if (free !== null && free <= 0) break
    const [next] = await runSql<{ id: string; member_id: string | null; guests: number; waitlist_position: number }>(
      req,
      sql`SELECT ${r.id} AS id, ${r.member} AS member_id, ${r.guests} AS guests, ${r.waitlistPosition} AS waitlist_position FROM ${r}
          WHERE ${r.event} = ${event.id} AND ${r.status} = 'waitlisted'
            ${skipped.length ? sql`AND NOT (${r.id} = ANY(${`{${skipped.join(',')}}`}::uuid[]))` : sql``}
          ORDER BY ${r.waitlistPosition} LIMIT 1 FOR UPDATE`,
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
      sql`UPDATE ${r} SET ${r.status} = 'going', ${r.promotedAt} = clock_timestamp(), ${r.waitlistPosition} = NULL,
                          ${r.paymentMethod} = ${verdict.paymentMethod},
                          ${r.paymentReference} = ${verdict.reference ? JSON.stringify(verdict.reference) : null}::jsonb,
                          ${r.creditsUsed} = ${credits}, ${r.updatedAt} = now()
          WHERE ${r.id} = ${next.id}`,
    )
    await runSql(
      req,
      sql`UPDATE ${r} SET ${r.waitlistPosition} = ${r.waitlistPosition} - 1
          WHERE ${r.event} = ${event.id} AND ${r.status} = 'waitlisted' AND ${r.waitlistPosition} > ${next.waitlist_position}`,
    )
    await runSql(
      req,
      sql`UPDATE ${e} SET ${e.goingCount} = ${e.goingCount} + ${seats}, ${e.waitlistCount} = ${e.waitlistCount} - 1 WHERE ${e.id} = ${event.id}`,
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
