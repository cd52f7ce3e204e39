import type { PayloadRequest } from 'payload'
import type { FacilityResource } from '@/payload-types'
import { OperationError } from '@/core'
import type { PricingMode, Weekday } from '../types'
import type { OpeningHours } from './checkBookingRules'
import type { PeakWindow, Rate } from './priceReservation'

export type ResourceRules = {
  id: string
  tenant: string
  name: string
  type: string
  location: string | null
  capacity: number
  isActive: boolean
  openingHours: OpeningHours
  slotMinutes: number
  minMinutes: number
  maxMinutes: number
  bufferBeforeMinutes: number
  bufferAfterMinutes: number
  bookingWindowDays: number
  maxActivePerMember: number | null
  requiresApproval: boolean
  mode: PricingMode
  currency: string
  guestFee: number
  rates: Rate[]
  peakHours: PeakWindow[]
}

const idOf = (value: unknown): string | null =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : value ? String(value) : null

/** A resource with its rules and prices, read as the caller may (resources are public); 404 when missing or trashed. */
export const loadResource = async (req: PayloadRequest, id: string): Promise<ResourceRules> => {
  const doc = await req.payload.findByID({
    collection: 'facility-resources',
    id,
    depth: 0,
    req,
    overrideAccess: false,
    disableErrors: true,
  })
  if (!doc) throw new OperationError(404, 'not_found', 'No such resource.')
  return toResourceRules(doc)
}

/** A resource document (depth 0) as the rules and prices the booking maths reads. */
export const toResourceRules = (doc: FacilityResource): ResourceRules => {
  const rules = doc.bookingRules ?? {}
  const pricing = doc.pricing ?? {}
  return {
    id: String(doc.id),
    tenant: idOf(doc.tenant)!,
    name: doc.name,
    type: doc.type ?? 'simulator_bay',
    location: idOf(doc.location),
    capacity: doc.capacity ?? 1,
    isActive: doc.isActive !== false,
    openingHours: (doc.openingHours ?? []).map((h) => ({
      weekday: h.weekday as Weekday,
      opensAt: h.opensAt,
      closesAt: h.closesAt,
    })),
    slotMinutes: rules.slotMinutes ?? 30,
    minMinutes: rules.minMinutes ?? 30,
    maxMinutes: rules.maxMinutes ?? 180,
    bufferBeforeMinutes: rules.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: rules.bufferAfterMinutes ?? 0,
    bookingWindowDays: rules.bookingWindowDays ?? 7,
    maxActivePerMember: rules.maxActivePerMember ?? null,
    requiresApproval: Boolean(rules.requiresApproval),
    mode: (pricing.mode ?? 'per_bay_hour') as PricingMode,
    currency: pricing.currency || 'USD',
    guestFee: pricing.guestFee ?? 0,
    rates: (pricing.rates ?? []).map((r) => ({ tier: idOf(r.tier), peak: r.peak, offPeak: r.offPeak })),
    peakHours: (pricing.peakHours ?? []).map((p) => ({
      days: (p.days ?? []) as Weekday[],
      startsAt: p.startsAt,
      endsAt: p.endsAt,
    })),
  }
}
