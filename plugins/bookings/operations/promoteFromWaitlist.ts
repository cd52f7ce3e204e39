import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, runSql } from '@/core'
import { canBookPort, debitCreditsPort } from '@plugins/bookings/contract'
import { queueWaitlistNotice } from '../jobs/sendWaitlistNoticeTask'
import type { ClassRow } from './loadClassForUpdate'

/**
 * Fills free places of a class from its waitlist, oldest first (FIFO by waitlistedAt), skipping
 * anyone the guard refuses or who cannot pay. The caller holds the class row lock.
 * Returns the promoted booking ids; each promoted member gets a mail (queued, sent after commit).
 */
export const promoteFromWaitlist = async (req: PayloadRequest, klass: ClassRow): Promise<string[]> => {
  const promoted: string[] = []
  const skipped: string[] = []
  for (let guard = 0; guard < 1000; guard++) {
    const [free] = await runSql<{ free: number }>(
      req,
      sql`SELECT capacity - booked_count AS free FROM classes WHERE id = ${klass.id}`,
    )
    if (!free || Number(free.free) <= 0) break
    const [next] = await runSql<{ id: string; member_id: string; waitlist_position: number }>(
      req,
      sql`SELECT id, member_id, waitlist_position FROM bookings
          WHERE class_id = ${klass.id} AND status = 'waitlisted'
            ${skipped.length ? sql`AND NOT (id = ANY(${`{${skipped.join(',')}}`}::uuid[]))` : sql``}
          ORDER BY waitlisted_at, waitlist_position LIMIT 1 FOR UPDATE`,
    )
    if (!next) break
    const member = String(next.member_id)
    const verdict = await callPort(req, canBookPort, {
      tenant: klass.tenant,
      member,
      target: { collection: 'classes', id: klass.id },
      startTime: klass.startTime.toISOString(),
      price:
        klass.priceAmount !== null && klass.priceCurrency
          ? { amount: Number(klass.priceAmount), currency: klass.priceCurrency }
          : null,
      creditCost: klass.creditCost,
    })
    if (!verdict.allowed) {
      skipped.push(String(next.id))
      continue
    }
    if (verdict.paymentMethod === 'credits') {
      const debit = await callPort(req, debitCreditsPort, {
        tenant: klass.tenant,
        member,
        credits: klass.creditCost ?? 1,
        reason: `Promoted from the waitlist of ${klass.title}`,
        ref: { collection: 'bookings', id: String(next.id) },
      })
      if (!debit.ok) {
        skipped.push(String(next.id))
        continue
      }
    }
    const position = Number(next.waitlist_position)
    await runSql(
      req,
      sql`UPDATE bookings SET status = 'confirmed', promoted_at = clock_timestamp(), waitlist_position = NULL,
                              payment_method = ${verdict.paymentMethod}, updated_at = now()
          WHERE id = ${next.id}`,
    )
    await runSql(
      req,
      sql`UPDATE bookings SET waitlist_position = waitlist_position - 1 WHERE class_id = ${klass.id} AND status = 'waitlisted' AND waitlist_position > ${position}`,
    )
    await runSql(
      req,
      sql`UPDATE classes SET booked_count = booked_count + 1, waitlist_count = waitlist_count - 1 WHERE id = ${klass.id}`,
    )
    await emit(req, {
      type: 'booking.promoted',
      tenant: klass.tenant,
      subject: { collection: 'bookings', id: next.id },
      data: { class: klass.id, member, paymentMethod: verdict.paymentMethod },
    })
    await queueWaitlistNotice(req, { collection: 'bookings', id: String(next.id), kind: 'promoted' })
    promoted.push(String(next.id))
  }
  return promoted
}
