import type { PayloadRequest } from 'payload'
import type { BookReservationInput, ReservationQuote } from '../contract'
import { partyOf, prepareBooking, pricePrepared } from './prepareBooking'

/**
 * What booking this would cost and whether it would be confirmed or wait for approval, checked
 * like a booking (rules, capacity, closures, tiers) and priced by the same engine; nothing is
 * written and no guest pass is spent (a guest asking for one is priced with the fee, which a
 * pass then waives). A slot taken in the meantime still fails at booking (409 `slot_taken`).
 */
export const quoteReservation = async (req: PayloadRequest, raw: BookReservationInput): Promise<ReservationQuote> => {
  const { input, resource, zone, tiers, owner, startAt, endAt } = await prepareBooking(req, raw)
  const price = pricePrepared({ resource, zone, startAt, endAt }, partyOf(input, tiers, owner))
  const names = [
    owner.name,
    ...input.participants.map((p) => ('member' in p ? (tiers.get(p.member)?.name ?? null) : p.guest.name)),
  ]
  return {
    resource: resource.id,
    startAt: startAt.toISOString(),
    endAt: endAt.toISOString(),
    zone,
    status: resource.requiresApproval ? 'requested' : 'confirmed',
    total: { amount: price.total, currency: price.currency },
    lines: price.lines.map((line, index) => ({ ...line, name: names[index] ?? null })),
  }
}
