import type { PayloadRequest } from 'payload'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, OperationError, rolesIn, type AccessUser } from '@/core'
import { walkInInput, type WalkInInput, type WalkInReply } from '../contract'
import type { AccessCodeOptions } from './accessCode'
import { bookReservation } from './bookReservation'
import { loadResource } from './loadResource'
import { payReservationFee } from './payReservationFee'
import { reservationReply } from './reservationReply'

/**
 * Desk staff book a resource for a walk-in party: the lead (a guest of the club, found or made by
 * e-mail) and the rest of the party named or counted (a counted guest is a guest row named "<lead>'s
 * guest 2"), up to the resource's capacity. Checked and written exactly like a desk booking
 * (`bookReservation`: rules, closures, shared rooms, the exclusion constraint), priced by the same
 * engine with everyone at the non-member rate, the fee snapshot frozen once paid. With `payment`
 * the fee is taken at the desk at once through commerce (`facility.payFee`, cash or terminal; the
 * snapshot becomes paid on `order.paid`); else it stays due (`/:id/pay` later). 403 for members of
 * the business, 404 for anyone else.
 */
export const bookWalkIn = async (
  req: PayloadRequest,
  raw: WalkInInput,
  codes: AccessCodeOptions,
  options: { holdMinutes: number },
): Promise<WalkInReply> => {
  const input = walkInInput.parse(raw)
  const resource = await loadResource(req, input.resource)
  const user: AccessUser = req.user
  if (!(isPlatformAdmin(user) || hasRoleIn(user, resource.tenant, DESK_ROLES))) {
    if (rolesIn(user, resource.tenant).length > 0)
      throw new OperationError(403, 'forbidden', 'Only desk staff book walk-in parties.')
    throw new OperationError(404, 'not_found', 'No such resource.')
  }
  const players = 1 + input.guests.length + input.extraGuests
  if (players > resource.capacity)
    throw new OperationError(
      422,
      'over_capacity',
      `${resource.name} takes up to ${resource.capacity} players; this party is ${players}.`,
    )
  const counted = Array.from({ length: input.extraGuests }, (_, i) => ({
    guest: { name: `${input.lead.name}'s guest ${input.guests.length + i + 2}` },
  }))
  const booked = await bookReservation(
    req,
    {
      resource: input.resource,
      startAt: input.startAt,
      endAt: input.endAt,
      participants: [...input.guests.map((guest) => ({ guest })), ...counted],
      notes: input.notes ? `Walk-in: ${input.lead.name}. ${input.notes}` : `Walk-in: ${input.lead.name}`,
    },
    codes,
    { lead: input.lead },
  )
  const walkIn = { lead: input.lead.name, players }
  if (!input.payment || booked.fee?.status !== 'pending') return { ...booked, walkIn, payment: null }
  const paid = await payReservationFee(req, booked.id, { method: input.payment }, options)
  return {
    ...(await reservationReply(req, booked.id)),
    walkIn,
    payment: { order: paid.order, number: paid.number, orderStatus: paid.orderStatus },
  }
}
