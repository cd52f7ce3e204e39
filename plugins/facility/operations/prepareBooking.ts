import type { PayloadRequest } from 'payload'
import { OperationError } from '@/core'
import { bookReservationInput, type BookReservationInput } from '../contract'
import { assertNotClosed } from './assertNotClosed'
import { bookingMember } from './bookingMember'
import { checkBookingRules } from './checkBookingRules'
import { facilityZone } from './facilityZone'
import { loadResource } from './loadResource'
import { memberTiers } from './memberTiers'
import { priceReservation, type Player, type Price } from './priceReservation'

/**
 * What booking and quoting share: the parsed input, the resource and who it is for, checked
 * against the resource's rules in its zone (opening hours, slot grid, duration, the tier's booking
 * window), its capacity and closures; the players' tiers. Throws the 4xx a booking would get.
 */
export const prepareBooking = async (req: PayloadRequest, raw: BookReservationInput) => {
  const input = bookReservationInput.parse(raw)
  const resource = await loadResource(req, input.resource)
  const actor = await bookingMember(req, resource.tenant, input.member)
  if (!resource.isActive)
    throw new OperationError(409, 'resource_inactive', 'This resource cannot be booked at the moment.')
  const startAt = new Date(input.startAt)
  const endAt = new Date(input.endAt)
  const zone = await facilityZone(req, { tenant: resource.tenant, location: resource.location })

  const players = 1 + input.participants.length
  if (players > resource.capacity)
    throw new OperationError(422, 'over_capacity', `${resource.name} takes up to ${resource.capacity} players.`)
  const memberIds = input.participants.flatMap((p) => ('member' in p ? [p.member] : []))
  if (new Set([actor.member, ...memberIds]).size !== 1 + memberIds.length)
    throw new OperationError(422, 'duplicate_participant', 'Each member plays once in a reservation.')
  const tiers = await memberTiers(req, resource.tenant, [actor.member, ...memberIds])
  const missing = memberIds.find((id) => !tiers.has(id))
  if (missing)
    throw new OperationError(404, 'member_not_found', 'A participant is not an active member of this business.')
  const owner = tiers.get(actor.member)!

  // Members book within their tier's window (else the resource's); desk staff up to the longer of the two.
  const window = owner.bookingWindowDays ?? resource.bookingWindowDays
  checkBookingRules(
    { ...resource, bookingWindowDays: actor.staff ? Math.max(window, resource.bookingWindowDays) : window },
    startAt,
    endAt,
    zone,
  )
  await assertNotClosed(req, {
    tenant: resource.tenant,
    resource: resource.id,
    location: resource.location,
    startAt,
    endAt,
  })
  return { input, resource, actor, zone, tiers, owner, startAt, endAt }
}

export type PreparedBooking = Awaited<ReturnType<typeof prepareBooking>>

/** The party as the pricing engine sees it: the owner, then members at their tiers and guests (no pass yet). */
export const partyOf = (
  input: PreparedBooking['input'],
  tiers: PreparedBooking['tiers'],
  owner: PreparedBooking['owner'],
): Player[] => {
  return [
    { kind: 'member', tier: owner.tier },
    ...input.participants.map(
      (p): Player =>
        'member' in p ? { kind: 'member', tier: tiers.get(p.member)!.tier } : { kind: 'guest', guestPass: false },
    ),
  ]
}

/**
 * A walk-in party of `players` (no one a member: the lead in slot 1 and their guests) as the
 * pricing engine sees it: everyone at the non-member rate, no guest fee (that is a member's
 * guest's surcharge) and no passes. Booking and moving a walk-in price it the same way.
 */
export const walkInPlayers = (players: number): Player[] =>
  Array.from({ length: players }, (): Player => ({ kind: 'member', tier: null }))

/** The price of `party` for a prepared booking: the resource's mode, rates, peak hours and guest fee on its zone's clock. */
export const pricePrepared = (
  { resource, zone, startAt, endAt }: Pick<PreparedBooking, 'resource' | 'zone' | 'startAt' | 'endAt'>,
  party: Player[],
) =>
  priceReservation({
    resourceType: resource.type,
    mode: resource.mode,
    startAt,
    endAt,
    zone,
    peakHours: resource.peakHours,
    rates: resource.rates,
    currency: resource.currency,
    guestFee: resource.guestFee,
    party,
  })

/**
 * The pricing inputs a fee snapshot records beside its lines (`policy`): what the price was made
 * of, and `includedMinutes`, the owner's minutes counted in billing's usage records (what a cancel
 * gives back).
 */
export const feePolicy = (
  { resource, zone }: Pick<PreparedBooking, 'resource' | 'zone'>,
  price: Price,
  includedMinutes: number,
) => ({
  mode: price.mode,
  includedMinutes,
  zone,
  peakMinutes: price.peakMinutes,
  offPeakMinutes: price.offPeakMinutes,
  rates: resource.rates,
  peakHours: resource.peakHours,
  guestFee: resource.guestFee,
  resourceType: resource.type,
})
