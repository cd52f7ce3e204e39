import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, emit, OperationError, runSql } from '@/core'
import { canBookPort } from '@plugins/bookings/contract'
import { bookingColumns, loadBooking, toBookingJson, type BookingJson, type BookingRow } from '../format/bookingJson'
import { chargeCredits } from '../shared/chargeCredits'
import { loadClass } from './loadClassForUpdate'
import { ownsOrWorksDesk } from '../shared/resolveBookingMember'
import { bookingsTable } from '../sql/bookingsTable'

/**
 * The member (or desk staff) takes an offered place before the offer expires: the guard is asked,
 * credits debited if it says so, and the booking becomes confirmed. The place was already held,
 * so no counter changes. Locks the class row, then the booking (the order every writer uses).
 */
export const claimOffer = async (req: PayloadRequest, input: { bookingId: string }): Promise<BookingJson> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const peek = await loadBooking(req, input.bookingId)
  if (!peek || !(await ownsOrWorksDesk(req, peek.tenant, peek.member)))
    throw new OperationError(404, 'not_found', 'No such booking.')
  const klass = (await loadClass(req, peek.class, true))!
  const b = bookingsTable(req)
  const [row] = await runSql<{ status: string; offer_expired: boolean }>(
    req,
    sql`SELECT ${b.status} AS status, ${b.offerExpiresAt} <= clock_timestamp() AS offer_expired FROM ${b} WHERE ${b.id} = ${peek.id} FOR UPDATE`,
  )
  if (row.status !== 'offered') throw new OperationError(409, 'not_offered', 'There is no open offer on this booking.')
  if (row.offer_expired)
    throw new OperationError(409, 'offer_expired', 'The offer has expired; the place goes to the next person.')
  const verdict = await callPort(req, canBookPort, {
    tenant: klass.tenant,
    member: peek.member,
    target: { collection: 'classes', id: klass.id },
    startTime: klass.startTime.toISOString(),
    price:
      klass.priceAmount !== null && klass.priceCurrency
        ? { amount: Number(klass.priceAmount), currency: klass.priceCurrency }
        : null,
    creditCost: klass.creditCost,
  })
  if (!verdict.allowed) throw new OperationError(403, verdict.code, verdict.reason)
  if (verdict.paymentMethod === 'credits') {
    await chargeCredits(req, {
      tenant: klass.tenant,
      member: peek.member,
      credits: klass.creditCost ?? 1,
      reason: `Claimed a place in ${klass.title}`,
      ref: { collection: 'bookings', id: peek.id },
    })
  }
  const [claimed] = await runSql<BookingRow>(
    req,
    sql`UPDATE ${b} SET ${b.status} = 'confirmed', ${b.promotedAt} = clock_timestamp(), ${b.offerExpiresAt} = NULL,
                        ${b.paymentMethod} = ${verdict.paymentMethod},
                        ${b.paymentReference} = ${verdict.reference ? JSON.stringify(verdict.reference) : null}::jsonb, ${b.updatedAt} = now()
        WHERE ${b.id} = ${peek.id} AND ${b.status} = 'offered' RETURNING ${bookingColumns(b)}`,
  )
  await emit(req, {
    type: 'booking.claimed',
    tenant: klass.tenant,
    subject: { collection: 'bookings', id: peek.id },
    data: { class: klass.id, member: peek.member, paymentMethod: verdict.paymentMethod },
  })
  return toBookingJson(claimed)
}
