import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { queueWaitlistNotice } from '../jobs/sendWaitlistNoticeTask'
import type { ClassRow } from './loadClassForUpdate'

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
  for (let guard = 0; guard < 1000; guard++) {
    const [next] = await runSql<{ id: string; member_id: string; waitlist_position: number; offer_expires_at: Date }>(
      req,
      sql`WITH free AS (SELECT id FROM classes WHERE id = ${klass.id} AND status = 'scheduled' AND booked_count < capacity AND start_time > now()),
               pick AS (SELECT b.id, b.waitlist_position FROM bookings b, free
                        WHERE b.class_id = free.id AND b.status = 'waitlisted' ORDER BY b.waitlisted_at, b.waitlist_position LIMIT 1 FOR UPDATE OF b)
          UPDATE bookings b SET status = 'offered', offered_at = clock_timestamp(), waitlist_position = NULL, updated_at = now(),
                                offer_expires_at = least(clock_timestamp() + make_interval(mins => ${claimWindowMinutes}), ${klass.startTime.toISOString()}::timestamptz)
          FROM pick WHERE b.id = pick.id
          RETURNING b.id, b.member_id, pick.waitlist_position, b.offer_expires_at`,
    )
    if (!next) break
    await runSql(
      req,
      sql`UPDATE bookings SET waitlist_position = waitlist_position - 1 WHERE class_id = ${klass.id} AND status = 'waitlisted' AND waitlist_position > ${next.waitlist_position}`,
    )
    await runSql(
      req,
      sql`UPDATE classes SET booked_count = booked_count + 1, waitlist_count = waitlist_count - 1 WHERE id = ${klass.id}`,
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
