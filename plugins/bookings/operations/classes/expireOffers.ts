import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { bookingPolicy } from './bookingPolicy'
import { loadClass } from './loadClassForUpdate'
import { offerFreedPlaces } from './offerFreedPlaces'
import { bookingsTable } from '../sql/bookingsTable'
import { classesTable } from '../sql/classesTable'

/**
 * Offers past their `offerExpiresAt` lapse: the booking is cancelled (`offer_expired`), its held
 * place freed and offered to the next waitlisted member (FIFO). One class at a time under its row
 * lock, so a claim racing the expiry either wins or finds the offer gone. Returns how many lapsed.
 */
export const expireOffers = async (req: PayloadRequest, limit = 200): Promise<number> => {
  const b = bookingsTable(req)
  const c = classesTable(req)
  const classes = await runSql<{ class_id: string }>(
    req,
    sql`SELECT DISTINCT ${b.class} AS class_id FROM ${b} WHERE ${b.status} = 'offered' AND ${b.offerExpiresAt} <= clock_timestamp() LIMIT ${limit}`,
  )
  let lapsed = 0
  for (const { class_id } of classes) {
    const klass = await loadClass(req, String(class_id), true)
    if (!klass) continue
    const gone = await runSql<{ id: string; member_id: string }>(
      req,
      sql`UPDATE ${b} SET ${b.status} = 'cancelled', ${b.cancelledAt} = now(), ${b.cancellationReason} = 'offer_expired',
                          ${b.offerExpiresAt} = NULL, ${b.updatedAt} = now()
          WHERE ${b.class} = ${klass.id} AND ${b.status} = 'offered' AND ${b.offerExpiresAt} <= clock_timestamp()
          RETURNING ${b.id} AS id, ${b.member} AS member_id`,
    )
    if (!gone.length) continue
    lapsed += gone.length
    await runSql(
      req,
      sql`UPDATE ${c} SET ${c.bookedCount} = ${c.bookedCount} - ${gone.length} WHERE ${c.id} = ${klass.id}`,
    )
    for (const booking of gone) {
      await emit(req, {
        type: 'booking.offer_expired',
        tenant: klass.tenant,
        subject: { collection: 'bookings', id: String(booking.id) },
        data: { class: klass.id, member: String(booking.member_id) },
      })
    }
    const policy = await bookingPolicy(req, klass.tenant)
    await offerFreedPlaces(req, klass, Math.max(1, policy.claimWindowMinutes))
  }
  return lapsed
}
