import type { PayloadRequest } from 'payload'
import type { BookReservationInput, ReservationQuote } from '../contract'
import { ownerIncludedMinutes } from './ownerIncludedMinutes'
import { partyOf, prepareBooking, pricePrepared } from './prepareBooking'

/**
 * What booking this would cost and whether it would be confirmed or wait for approval, checked
 * like a booking (rules, capacity, closures, tiers) and priced by the same engine, with what is
 * left of the owner's included minutes that day (peeked, not counted); nothing is
 * written and no guest pass is spent (a guest asking for one is priced with the fee, which a
 * pass then waives). A slot taken in the meantime still fails at booking (409 `slot_taken`).
 */
export const quoteReservation = async (req: PayloadRequest, raw: BookReservationInput): Promise<ReservationQuote> => {
  const { input, resource, actor, zone, tiers, owner, startAt, endAt } = await prepareBooking(req, raw)
  const party = partyOf(input, tiers, owner)
  // What is left of the owner's included minutes that day, as booking now would count it.
  const includedMinutes = await ownerIncludedMinutes(req, { resource, actor, owner, zone, startAt, endAt }, null)
  if (includedMinutes > 0 && party[0].kind === 'member') party[0] = { ...party[0], includedMinutes }
  const price = pricePrepared({ resource, zone, startAt, endAt }, party)
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
