import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { queueWaitlistNotice } from '../../jobs/sendWaitlistNoticeTask'
import type { ClassRow } from './loadClassForUpdate'
import { bookingsTable } from '../sql/bookingsTable'
import { classesTable } from '../sql/classesTable'

/**
 * With a claim window: each free place of a class is offered to the oldest waitlisted booking
 * (FIFO by waitlistedAt), which becomes `offered` until `offerExpiresAt` (the window, or the class
 * start if sooner) and holds the place (booked_count counts it). The caller holds the class row
 * lock. Returns the offered booking ids; each gets a mail to claim it (queued, sent after commit).
 */
export const offerFreedPlaces = async (
  req: PayloadRequest,
  klass: ClassRow,
  claimWindowMinutes: number,
): Promise<string[]> => {
  const offered: string[] = []
  const b = bookingsTable(req)
  const c = classesTable(req)
  for (let guard = 0; guard < 1000; guard++) {
    const [next] = await runSql<{ id: string; member_id: string; waitlist_position: number; offer_expires_at: Date }>(
      req,
      sql`WITH free AS (SELECT ${c.id} AS id FROM ${c}
                        WHERE ${c.id} = ${klass.id} AND ${c.status} = 'scheduled' AND ${c.bookedCount} < ${c.capacity} AND ${c.startTime} > now()),
               pick AS (SELECT b.${b.id} AS id, b.${b.waitlistPosition} AS waitlist_position FROM ${b} b, free
                        WHERE b.${b.class} = free.id AND b.${b.status} = 'waitlisted'
                        ORDER BY b.${b.waitlistedAt}, b.${b.waitlistPosition} LIMIT 1 FOR UPDATE OF b)
          UPDATE ${b} b SET ${b.status} = 'offered', ${b.offeredAt} = clock_timestamp(), ${b.waitlistPosition} = NULL, ${b.updatedAt} = now(),
                            ${b.offerExpiresAt} = least(clock_timestamp() + make_interval(mins => ${claimWindowMinutes}), ${klass.startTime.toISOString()}::timestamptz)
          FROM pick WHERE b.${b.id} = pick.id
          RETURNING b.${b.id} AS id, b.${b.member} AS member_id, pick.waitlist_position, b.${b.offerExpiresAt} AS offer_expires_at`,
    )
    if (!next) break
    await runSql(
      req,
      sql`UPDATE ${b} SET ${b.waitlistPosition} = ${b.waitlistPosition} - 1
          WHERE ${b.class} = ${klass.id} AND ${b.status} = 'waitlisted' AND ${b.waitlistPosition} > ${next.waitlist_position}`,
    )
    await runSql(
      req,
      sql`UPDATE ${c} SET ${c.bookedCount} = ${c.bookedCount} + 1, ${c.waitlistCount} = ${c.waitlistCount} - 1 WHERE ${c.id} = ${klass.id}`,
    )
    await emit(req, {
      type: 'booking.offered',
      tenant: klass.tenant,
      subject: { collection: 'bookings', id: String(next.id) },
      data: {
        class: klass.id,
        member: String(next.member_id),
        offerExpiresAt: new Date(next.offer_expires_at).toISOString(),
      },
    })
    await queueWaitlistNotice(req, { collection: 'bookings', id: String(next.id), kind: 'offered' })
    offered.push(String(next.id))
  }
  return offered
}
