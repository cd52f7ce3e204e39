/**
 * The bookings plugin's public face: the events it emits and the shapes of the endpoints the site
 * and other plugins use, as zod schemas with their inferred types. Zod and types only, no server
 * code: the site and other plugins may import this file and nothing else of the plugin.
 */
import { z } from 'zod'
import type { Money } from '@/core/money/money'
import { definePort } from '@/core/ports/ports'

// ---- Events ----

const id = z.string()
const money = z.object({ amount: z.number(), currency: z.string() })

const classPlace = z.object({ class: id, member: id })
const booked = classPlace.extend({
  status: z.enum(['confirmed', 'waitlisted']),
  waitlistPosition: z.number().nullable(),
  paymentMethod: z.string().nullable(),
  startTime: z.string(),
})
const paidPlace = classPlace.extend({ paymentMethod: z.string().nullable() })
const appointmentOf = z.object({ service: id, provider: id, member: id.nullable() })
/** Who a guest booking or RSVP (no account) is for, as they gave it; absent for members. */
const guestContact = z.object({ email: z.string(), name: z.string().nullable(), phone: z.string().nullable() })
const rsvpPlaced = z.object({
  event: id,
  member: id.nullable(),
  guest: z.boolean(),
  guests: z.number(),
  paymentMethod: z.string().nullable(),
  startTime: z.string(),
  waitlistPosition: z.number().nullable(),
  guestContact: guestContact.optional(),
})
/** What a cancel gave back: credits through `credits.refund`, money through `payments.refund`. */
export const cancelRefundSchema = z.object({
  credits: z.number().nullable(),
  money: money.nullable(),
  failed: z.object({ code: z.string(), reason: z.string() }).optional(),
})

export const bookingsEventSchemas = {
  'booking.created': booked,
  'booking.waitlisted': booked,
  'booking.promoted': paidPlace,
  'booking.claimed': paidPlace,
  'booking.cancelled': classPlace.extend({
    late: z.boolean(),
    fee: money.nullable(),
    /** The booking's status before (a member's or the desk's cancel). */
    previousStatus: z.string().optional(),
    /** `class_cancelled` when the whole class was cancelled. */
    reason: z.string().optional(),
  }),
  'booking.checked_in': classPlace,
  /** A confirmed place not checked in when the class ended (the completion job). */
  'booking.no_show': classPlace,
  'booking.offered': classPlace.extend({ offerExpiresAt: z.string() }),
  'booking.offer_expired': classPlace,
  'class.cancelled': z.object({ reason: z.string().nullish(), bookingsCancelled: z.number() }),
  'class.completed': z.object({ noShows: z.number() }),
  'appointment.booked': appointmentOf.extend({
    guest: z.boolean(),
    startTime: z.string(),
    endTime: z.string(),
    paymentMethod: z.string().nullable(),
    capacity: z.number(),
    /** The service's kind (`tour`, `consultation`, …). */
    serviceKind: z.string().optional(),
    guestContact: guestContact.optional(),
  }),
  'appointment.cancelled': appointmentOf.extend({ startTime: z.string(), refund: cancelRefundSchema }),
  'appointment.completed': appointmentOf,
  'appointment.checked_in': appointmentOf.extend({ guest: z.boolean() }),
  'appointment.no_show': appointmentOf.extend({ guest: z.boolean().optional(), markedBy: z.enum(['staff', 'job']) }),
  'event.rsvp_created': rsvpPlaced,
  'rsvp.waitlisted': rsvpPlaced,
  'event.rsvp_cancelled': z.object({
    event: id,
    member: id.nullable(),
    guests: z.number(),
    refund: cancelRefundSchema,
    reason: z.string().nullable(),
    previousStatus: z.string().optional(),
  }),
  'rsvp.promoted': z.object({
    event: id,
    member: id.nullable(),
    guests: z.number(),
    paymentMethod: z.string().nullable(),
  }),
  'rsvp.checked_in': z.object({ event: id, member: id.nullable(), guests: z.number() }),
  'rsvp.no_show': z.object({ event: id, member: id.nullable() }),
  'event.cancelled': z.object({
    reason: z.string().nullish(),
    rsvpsCancelled: z.number(),
    failedRefunds: z.array(z.object({ rsvp: id, code: z.string(), reason: z.string() })),
  }),
}

type BookingsEvents = { [K in keyof typeof bookingsEventSchemas]: z.infer<(typeof bookingsEventSchemas)[K]> }
export type BookingCreated = BookingsEvents['booking.created']
export type BookingCancelled = BookingsEvents['booking.cancelled']
export type AppointmentCancelled = BookingsEvents['appointment.cancelled']
export type RsvpCancelled = BookingsEvents['event.rsvp_cancelled']
export type CancelRefund = z.infer<typeof cancelRefundSchema>

declare module '@/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends BookingsEvents {}
}

// ---- Endpoints ----

/** One class of `GET /api/schedule?tenant=&from=&to=` (public). */
export const scheduleEntrySchema = z.object({
  id,
  title: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  timezone: z.string(),
  status: z.string(),
  kind: z.string(),
  deliveryMode: z.string().nullable(),
  capacity: z.number(),
  spotsLeft: z.number(),
  waitlistCount: z.number(),
  waitlistSpotsLeft: z.number(),
  price: money.nullable(),
  creditCost: z.number().nullable(),
  location: z.object({ id, name: z.string() }).nullable(),
  instructor: z.object({ id, name: z.string().nullable() }).nullable(),
})
export type ScheduleEntry = z.infer<typeof scheduleEntrySchema>

/** The reply of `GET /api/schedule`. */
export const scheduleSchema = z.object({
  tenant: z.string(),
  tenantId: id,
  from: z.string(),
  to: z.string(),
  classes: z.array(scheduleEntrySchema),
})
export type Schedule = z.infer<typeof scheduleSchema>

/** A bookable slot of `GET /api/appointment-services/:id/slots`; `placesLeft` is 1 for a one-on-one service. */
export const slotSchema = z.object({ provider: id, startTime: z.string(), endTime: z.string(), placesLeft: z.number() })
export type Slot = z.infer<typeof slotSchema>
export const slotsReplySchema = z.object({ service: id, from: z.string(), to: z.string(), slots: z.array(slotSchema) })
export type SlotsReply = z.infer<typeof slotsReplySchema>

/** The body every cancel endpoint takes (`POST /api/{bookings,appointments,event-rsvps}/:id/cancel`). */
export const cancelInputSchema = z.object({ reason: z.string().max(500).optional() }).strict()
export type CancelInput = z.infer<typeof cancelInputSchema>

/** `GET /api/bookings/:id/cancel-preview`: what cancelling the class booking now would cost. */
export const bookingCancelPreviewSchema = z.object({
  booking: z.object({ id, status: z.string() }).loose(),
  lateCancel: z.boolean(),
  fee: money.nullable(),
  freeLateCancelsLeft: z.number(),
})
export type BookingCancelPreview = z.infer<typeof bookingCancelPreviewSchema>

/** What cancelling a paid-for place gives back: the credits it used, the money paid for it, or nothing. */
export const refundPlanSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('credits'), credits: z.number() }),
  z.object({ kind: z.literal('money'), amount: z.number(), currency: z.string() }),
  z.object({ kind: z.literal('none') }),
])
export type RefundPlan = z.infer<typeof refundPlanSchema>

/** `GET /api/event-rsvps/:id/cancel-preview`: the refund, the places freed and how many waiting RSVPs would take them. */
export const rsvpCancelPreviewSchema = z.object({
  rsvp: z.object({ id, status: z.string(), guests: z.number() }).loose(),
  refund: refundPlanSchema,
  placesFreed: z.number(),
  promotes: z.number().optional(),
})
export type RsvpCancelPreview = z.infer<typeof rsvpCancelPreviewSchema>

/** `GET /api/appointments/:id/cancel-preview`: the refund cancelling the appointment now gives. */
export const appointmentCancelPreviewSchema = z.object({
  appointment: z.object({ id, status: z.string() }).loose(),
  refund: refundPlanSchema,
})
export type AppointmentCancelPreview = z.infer<typeof appointmentCancelPreviewSchema>

/** The reply of `POST /api/appointments/:id/cancel` and `POST /api/event-rsvps/:id/cancel` (the part the site reads). */
export const cancelReplySchema = z.object({ refund: cancelRefundSchema })
export type CancelReply = z.infer<typeof cancelReplySchema>

// ---- Ports ----
// Asked by bookings (`callPort(req, port, input)` inside its transaction), answered by whichever
// installed plugin implements them (`implementPort`: billing, commerce). Each fallback is what
// happens when no installed plugin implements the port.

export type BookingTarget = { collection: 'classes' | 'appointments' | 'events' | 'reservations'; id: string }

export type CanBookInput = {
  tenant: string
  /** tenant-memberships id of the person booking. */
  member: string
  target: BookingTarget
  startTime: string
  price?: Money | null
  creditCost?: number | null
}

export type PaymentMethod = 'membership' | 'credits' | 'drop_in' | 'complimentary' | 'free'

export type CanBookResult =
  | {
      allowed: true
      paymentMethod: PaymentMethod
      /** e.g. the subscription that entitles */ reference?: { collection: string; id: string }
    }
  | { allowed: false; code: string; reason: string }

/** May this member book this? Fallback: free things are free, priced ones are paid at the desk (drop-in). */
export const canBookPort = definePort<CanBookInput, CanBookResult>('guards.canBook', (_req, input) => ({
  allowed: true,
  paymentMethod: input.price && input.price.amount > 0 ? 'drop_in' : 'free',
}))

export type DebitCreditsInput = {
  tenant: string
  member: string
  credits: number
  reason: string
  ref: { collection: string; id: string }
}
export type DebitCreditsResult =
  | { ok: true; ledgerEntryId: string; lotId?: string }
  | { ok: false; code: string; reason: string }

/** Spend credits (soonest-expiring first). Fallback: credits are unavailable without the commerce plugin. */
export const debitCreditsPort = definePort<DebitCreditsInput, DebitCreditsResult>('credits.debit', () => ({
  ok: false,
  code: 'credits_unavailable',
  reason: 'Paying with credits is not available for this business.',
}))

export type RefundCreditsInput = {
  tenant: string
  member: string
  ref: { collection: string; id: string }
  reason: string
}
export type RefundCreditsResult = { ok: true; credits: number } | { ok: false; code: string; reason: string }

/** Give back the credits spent for `ref`. Fallback: nothing to give back. */
export const refundCreditsPort = definePort<RefundCreditsInput, RefundCreditsResult>('credits.refund', () => ({
  ok: false,
  code: 'credits_unavailable',
  reason: 'No credits were spent.',
}))

export type RefundPaymentInput = { tenant: string; ref: { collection: string; id: string }; reason: string }
export type RefundPaymentResult = { ok: true; refunded: Money | null } | { ok: false; code: string; reason: string }

/** Give back the money paid for `ref` (an RSVP, an appointment…). Fallback: nothing recorded to refund. */
export const refundPaymentPort = definePort<RefundPaymentInput, RefundPaymentResult>('payments.refund', () => ({
  ok: true,
  refunded: null,
}))

export type CreditBalanceInput = { tenant: string; member: string; creditType?: string }

/** Credits a member can spend now (unexpired lots). Fallback: none. */
export const creditBalancePort = definePort<CreditBalanceInput, { credits: number }>('credits.balance', () => ({
  credits: 0,
}))

// ---- facility ----
export type RoomReservationsInput = {
  tenant: string
  /** A bookings `rooms` id. */
  room: string
  startTime: string
  endTime: string
}
export type RoomConflict = { title: string; startAt: string }

/**
 * Another plugin's booking of a room overlapping [startTime, endTime): facility's active
 * reservations of a resource linked to the room (their blocked range). Asked by `assertRoomFree`
 * after it locked the room's row, which facility's reservation writes lock too, so the answer
 * stays true until the class or appointment commits. Fallback (no facility): none.
 */
export const roomReservationsPort = definePort<RoomReservationsInput, { conflict: RoomConflict | null }>(
  'bookings.roomReservations',
  () => ({ conflict: null }),
)
// ---- /facility ----
