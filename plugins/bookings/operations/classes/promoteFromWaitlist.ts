import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, runSql } from '@/core'
import { canBookPort, debitCreditsPort } from '@plugins/bookings/contract'
import { queueWaitlistNotice } from '../../jobs/sendWaitlistNoticeTask'
import type { ClassRow } from './loadClassForUpdate'
import { bookingsTable } from '../sql/bookingsTable'
import { classesTable } from '../sql/classesTable'

/**
 * Fills free places of a class from its waitlist, oldest first (FIFO by waitlistedAt), skipping
 * anyone the guard refuses or who cannot pay. The caller holds the class row lock.
 * Returns the promoted booking ids; each promoted member gets a mail (queued, sent after commit).
 */
export const promoteFromWaitlist = async (req: PayloadRequest, klass: ClassRow): Promise<string[]> => {
  const promoted: string[] = []
  const skipped: string[] = []
  const b = bookingsTable(req)
  const c = classesTable(req)
  for (let guard = 0; guard < 1000; guard++) {
    const [free] = await runSql<{ free: number }>(
      req,
      sql`SELECT ${c.capacity} - ${c.bookedCount} AS free FROM ${c} WHERE ${c.id} = ${klass.id}`,
    )
    if (!free || Number(free.free) <= 0) break
    const [next] = await runSql<{ id: string; member_id: string; waitlist_position: number }>(
      req,
      sql`SELECT ${b.id} AS id, ${b.member} AS member_id, ${b.waitlistPosition} AS waitlist_position FROM ${b}
          WHERE ${b.class} = ${klass.id} AND ${b.status} = 'waitlisted'
            ${skipped.length ? sql`AND NOT (${b.id} = ANY(${`{${skipped.join(',')}}`}::uuid[]))` : sql``}
          ORDER BY ${b.waitlistedAt}, ${b.waitlistPosition} LIMIT 1 FOR UPDATE`,
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
      sql`UPDATE ${b} SET ${b.status} = 'confirmed', ${b.promotedAt} = clock_timestamp(), ${b.waitlistPosition} = NULL,
                          ${b.paymentMethod} = ${verdict.paymentMethod}, ${b.updatedAt} = now()
          WHERE ${b.id} = ${next.id}`,
    )
    await runSql(
      req,
      sql`UPDATE ${b} SET ${b.waitlistPosition} = ${b.waitlistPosition} - 1
          WHERE ${b.class} = ${klass.id} AND ${b.status} = 'waitlisted' AND ${b.waitlistPosition} > ${position}`,
    )
    await runSql(
      req,
      sql`UPDATE ${c} SET ${c.bookedCount} = ${c.bookedCount} + 1, ${c.waitlistCount} = ${c.waitlistCount} - 1 WHERE ${c.id} = ${klass.id}`,
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
