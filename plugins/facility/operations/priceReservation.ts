import type { FeeType, PricingMode, Weekday } from '../types'
import { localClock, minutesOf } from './localClock'

/** A rate per hour in minor units; `tier` null is the non-member (and guest) rate. */
export type Rate = { tier: string | null; peak: number; offPeak: number; resourceType?: string }
export type PeakWindow = { days: Weekday[]; startsAt: string; endsAt: string }
/** A player: a member of a tier (null: no tier, priced as a non-member) or a guest. */
/**
 * `includedMinutes`: that many minutes of the member's own part (from the start) are within their
 * tier's included minutes of the day; all of them → free, fewer → only the rest is charged.
 */
export type Player =
  | { kind: 'member'; tier: string | null; includedMinutes?: number }
  | { kind: 'guest'; guestPass: boolean }

export type PriceInput = {
  resourceType: string
  mode: PricingMode
  startAt: Date
  endAt: Date
  /** The club's IANA zone: peak hours are local wall-clock windows (DST included). */
  zone: string
  peakHours: PeakWindow[]
  rates: Rate[]
  currency: string
  /** Per guest, minor units; a guest pass waives it. */
  guestFee: number
  /** The party, owner first. */
  party: Player[]
}

export type PriceLine = { slot: number; feeType: FeeType; amount: number; reason: string }
export type Price = {
  currency: string
  mode: PricingMode
  peakMinutes: number
  offPeakMinutes: number
  total: number
  lines: PriceLine[]
}

const inPeak = (windows: PeakWindow[], weekday: Weekday, minutes: number) =>
  windows.some((w) => w.days.includes(weekday) && minutesOf(w.startsAt) <= minutes && minutes < minutesOf(w.endsAt))

/**
 * Splits [start, end) into peak and off-peak minutes on the zone's wall clock: each real minute is
 * classified by the local time it shows, so a night that springs forward or falls back counts the
 * minutes that really elapse.
 */
export const peakSplit = (input: Pick<PriceInput, 'startAt' | 'endAt' | 'zone' | 'peakHours'>) => {
  let peakMinutes = 0
  let offPeakMinutes = 0
  for (let t = input.startAt.getTime(); t < input.endAt.getTime(); t += 60_000) {
    const clock = localClock(new Date(t), input.zone)
    if (inPeak(input.peakHours, clock.weekday, clock.minutes)) peakMinutes++
    else offPeakMinutes++
  }
  return { peakMinutes, offPeakMinutes }
}

/**
 * The fee of a reservation: a pure function of the resource type, its peak hours in the club's
 * zone, the rates per tier, the pricing mode and the party.
 *
 * - `per_bay_hour`: the owner pays the bay at their tier's rate; other members are included; each
 *   guest pays the guest fee unless a guest pass covers it.
 * - `per_player_split`: every player pays an equal share of the bay at their own rate (guests at
 *   the non-member rate), and a guest also pays the guest fee unless a pass covers it.
 *
 * A tier without its own rate pays the non-member rate; no rate at all is free. Amounts round to
 * whole minor units per line (half up).
 */
export const priceReservation = (input: PriceInput): Price => {
  const { peakMinutes, offPeakMinutes } = peakSplit(input)
  const rates = input.rates.filter((r) => !r.resourceType || r.resourceType === input.resourceType)
  const rateOf = (tier: string | null) =>
    rates.find((r) => tier !== null && r.tier === tier) ?? rates.find((r) => r.tier === null)
  const bayCost = (tier: string | null) => {
    const rate = rateOf(tier)
    return rate ? (peakMinutes * rate.peak + offPeakMinutes * rate.offPeak) / 60 : 0
  }
  const players = input.party.length
  const totalMinutes = peakMinutes + offPeakMinutes
  /** The bay's cost at `tier` over the minutes after the first `free` (those are included). */
  const chargedCost = (tier: string | null, free: number) => {
    if (free <= 0) return bayCost(tier)
    const rate = rateOf(tier)
    if (!rate) return 0
    const rest = peakSplit({ ...input, startAt: new Date(input.startAt.getTime() + free * 60_000) })
    return (rest.peakMinutes * rate.peak + rest.offPeakMinutes * rate.offPeak) / 60
  }
  const lines: PriceLine[] = input.party.map((player, index) => {
    const slot = index + 1
    const guestFee = player.kind === 'guest' && !player.guestPass ? input.guestFee : 0
    const ownPart = index === 0 || input.mode === 'per_player_split'
    const free = player.kind === 'member' && ownPart ? Math.min(player.includedMinutes ?? 0, totalMinutes) : 0
    if (free > 0 && free === totalMinutes)
      return { slot, feeType: 'included', amount: 0, reason: 'Within the tier’s included minutes today' }
    const partly = free > 0 ? `; ${free} of ${totalMinutes} min within the tier’s included minutes today` : ''
    if (input.mode === 'per_player_split') {
      const tier = player.kind === 'member' ? player.tier : null
      const share = Math.round(chargedCost(tier, free) / players)
      if (player.kind === 'guest')
        return {
          slot,
          feeType: player.guestPass ? 'guest_pass' : 'guest_fee',
          amount: share + guestFee,
          reason: `1/${players} of the bay at the non-member rate${player.guestPass ? ', guest fee covered by a pass' : ' plus the guest fee'}`,
        }
      return {
        slot,
        feeType: 'share',
        amount: share,
        reason: `1/${players} of the bay at ${tier ?? 'the non-member'} rate${partly}`,
      }
    }
    if (player.kind === 'guest')
      return {
        slot,
        feeType: player.guestPass ? 'guest_pass' : 'guest_fee',
        amount: guestFee,
        reason: player.guestPass ? 'Guest pass' : 'Guest fee',
      }
    if (index === 0)
      return {
        slot,
        feeType: 'bay',
        amount: Math.round(chargedCost(player.tier, free)),
        reason: `The bay at ${player.tier ?? 'the non-member'} rate${partly}`,
      }
    return { slot, feeType: 'included', amount: 0, reason: 'Included with the owner’s booking' }
  })
  return {
    currency: input.currency,
    mode: input.mode,
    peakMinutes,
    offPeakMinutes,
    total: lines.reduce((sum, line) => sum + line.amount, 0),
    lines,
  }
}
