/**
 * The facility plugin's public face: the events it emits, the shapes of its endpoints and the port
 * another plugin (commerce's credits ledger) may implement. Zod and types only, no server code: the
 * site and other plugins may import this file and nothing else of the plugin.
 */
import { z } from 'zod'
import { definePort } from '@/core/ports/ports'

// ---- Events ----

const id = z.string()
const moneySchema = z.object({ amount: z.number().int(), currency: z.string() })

export const facilityEventSchemas = {
  /** A member booked (or requested, where the resource needs approval) a resource. */
  'reservation.booked': z.object({
    reservation: id,
    resource: id,
    member: id,
    startAt: z.string(),
    endAt: z.string(),
    status: z.enum(['requested', 'confirmed']),
    total: moneySchema,
    // ---- marketing ----
    /** The guests of the party who gave an e-mail (marketing captures them as leads). */
    guestContacts: z
      .array(z.object({ email: z.string(), name: z.string().nullable(), phone: z.string().nullable() }))
      .optional(),
    // ---- /marketing ----
  }),
  /** Staff approved a requested reservation. */
  'reservation.approved': z.object({ reservation: id, resource: id, member: id, startAt: z.string() }),
  /**
   * A reservation was cancelled (by the member, staff or a closure), once. `refundDue` is what was
   * already paid for it (its fee snapshot was paid): billing refunds or re-credits it.
   */
  'reservation.cancelled': z.object({
    reservation: id,
    resource: id,
    member: id,
    startAt: z.string(),
    endAt: z.string(),
    reason: z.enum(['member', 'staff', 'closure']),
    closure: id.nullable(),
    refundDue: moneySchema.nullable(),
    /** `refundDue` was refunded through commerce in the cancelling transaction (else the desk hands it back). */
    refunded: z.boolean().optional(),
  }),
  /** Staff moved an active reservation (new times or another resource) in the admin. */
  'reservation.moved': z.object({
    reservation: id,
    resource: id,
    member: id,
    startAt: z.string(),
    endAt: z.string(),
    previous: z.object({ resource: id, startAt: z.string(), endAt: z.string() }),
  }),
  /** A closure was created; its overlapping reservations were cancelled in the same transaction. */
  'closure.created': z.object({ closure: id, startAt: z.string(), endAt: z.string(), cancelled: z.number().int() }),
}

type FacilityEvents = { [K in keyof typeof facilityEventSchemas]: z.infer<(typeof facilityEventSchemas)[K]> }
export type ReservationCancelled = FacilityEvents['reservation.cancelled']

declare module '@/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends FacilityEvents {}
}

// ---- Endpoints ----

const uuid = z.string().uuid('must be a UUID')
const instant = z
  .string()
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a zone (2026-03-06T17:00:00-06:00).' })

/** A player beside the booking member: another member of the club, or a guest. */
export const participantInput = z.union([
  z.object({ member: uuid }).strict(),
  z
    .object({
      guest: z
        .object({
          name: z.string().trim().min(1, 'a guest needs a name').max(200),
          email: z.string().trim().toLowerCase().email('must be an e-mail address').optional(),
          phone: z.string().trim().max(40).optional(),
        })
        .strict(),
      /** Spend one of the host's guest passes instead of paying the guest fee (guards: `facility.spendGuestPass`). */
      useGuestPass: z.boolean().optional(),
    })
    .strict(),
])
export type ParticipantInput = z.infer<typeof participantInput>

/** `POST /api/reservations/book`: a member (or desk staff for `member`) books a resource. */
export const bookReservationInput = z
  .object({
    resource: uuid,
    startAt: instant,
    endAt: instant,
    /** Desk staff book for this member; members book for themselves. */
    member: uuid.optional(),
    participants: z.array(participantInput).max(16).default([]),
    notes: z.string().max(2000).optional(),
  })
  .strict()
  .refine((v) => Date.parse(v.endAt) > Date.parse(v.startAt), {
    message: 'endAt must be after startAt.',
    path: ['endAt'],
  })
export type BookReservationInput = z.input<typeof bookReservationInput>

// ---- walk-in party ----
const walkInPerson = z
  .object({
    name: z.string().trim().min(1, 'a name is needed').max(200),
    email: z.string().trim().toLowerCase().email('must be an e-mail address').optional(),
    phone: z.string().trim().max(40).optional(),
  })
  .strict()

/**
 * `POST /api/reservations/walk-in` (desk staff): a bay for a walk-in party — a lead (name, optional
 * e-mail and phone) and the rest of the party named (`guests`) or only counted (`extraGuests`), at
 * most the resource's capacity in all. Everyone is priced at the non-member rate; `payment` takes
 * the fee at the desk at once (commerce's desk payment), else it stays due.
 */
export const walkInInput = z
  .object({
    resource: uuid,
    startAt: instant,
    endAt: instant,
    lead: walkInPerson,
    guests: z.array(walkInPerson).max(16).default([]),
    extraGuests: z.number().int().min(0).max(16).default(0),
    payment: z.enum(['cash', 'terminal']).optional(),
    notes: z.string().max(2000).optional(),
  })
  .strict()
  .refine((v) => Date.parse(v.endAt) > Date.parse(v.startAt), {
    message: 'endAt must be after startAt.',
    path: ['endAt'],
  })
export type WalkInInput = z.input<typeof walkInInput>
// ---- /walk-in party ----

/** `POST /api/reservations/:id/move` (desk staff): the new times, and another resource of the business if given. */
export const moveReservationInput = z
  .object({
    resource: uuid.optional(),
    startAt: instant,
    endAt: instant,
  })
  .strict()
  .refine((v) => Date.parse(v.endAt) > Date.parse(v.startAt), {
    message: 'endAt must be after startAt.',
    path: ['endAt'],
  })
export type MoveReservationInput = z.input<typeof moveReservationInput>

/** A fee line of a reservation's snapshot: what one player pays and why. */
export type FeeLine = { slot: number; feeType: string; amount: number; reason: string }

/** The reply of booking, approving, declining, moving and cancelling. */
export type ReservationReply = {
  id: string
  tenant: string
  resource: string
  member: string
  startAt: string
  endAt: string
  status: string
  accessCode: string | null
  accessValidFrom: string | null
  accessValidUntil: string | null
  fee: { total: { amount: number; currency: string }; status: string; lines: FeeLine[] } | null
}

/** `POST /api/reservations/walk-in`: the reservation, and the desk payment's order when `payment` was given. */
export type WalkInReply = ReservationReply & {
  walkIn: { lead: string; players: number }
  payment: { order: string; number: string; orderStatus: string } | null
}

/** `POST /api/reservations/:id/check-in`: the party checked in; guests admitted for the first time today. */
export type CheckInReply = { reservation: string; participants: number; guestsCheckedIn: number; localDate: string }

/** `POST /api/reservations/access-check`: does a door code open now (or at `at`)? */
export const accessCheckInput = z
  .object({
    tenant: uuid,
    code: z
      .string()
      .trim()
      .regex(/^\d{4,10}$/, 'must be 4–10 digits'),
    at: instant.optional(),
  })
  .strict()
export type AccessCheckReply = { valid: boolean; reservation: string | null; reason: string }

// ---- Ports ----

export type SpendGuestPassInput = {
  tenant: string
  /** The host (tenant-memberships id). */
  member: string
  /** Idempotency: one pass per reservation participant. */
  ref: { collection: 'reservation-participants'; id: string }
}
export type SpendGuestPassResult = { spent: boolean; reason?: string }

/**
 * Spend one of the host's guest passes (commerce's credits ledger may implement it, in the
 * request's transaction). Fallback: no pass is spent, so the guest pays the guest fee.
 */
export const spendGuestPassPort = definePort<SpendGuestPassInput, SpendGuestPassResult>(
  'facility.spendGuestPass',
  () => ({ spent: false, reason: 'Guest passes are not available here.' }),
)

// ---- facility commerce ----
// Guest passes, fees and day passes go through commerce (which implements these ports when it is
// installed, importing this contract); facility never reads commerce's tables.

export type RestoreGuestPassInput = SpendGuestPassInput
export type RestoreGuestPassResult = { restored: boolean }

/**
 * Give back the guest pass spent for a participant (its reservation was cancelled, declined or
 * closed), once: a repeat restores nothing more. Fallback: nothing was spent, nothing to give back.
 */
export const restoreGuestPassPort = definePort<RestoreGuestPassInput, RestoreGuestPassResult>(
  'facility.restoreGuestPass',
  () => ({ restored: false }),
)

export type PayFeeInput = {
  tenant: string
  member: string
  /** What is paid for: a reservation's fee snapshot (the order line's ref). */
  ref: { collection: 'fee-snapshots'; id: string }
  amount: { amount: number; currency: string }
  description: string
  /** The snapshot's pending order from an earlier attempt, reused when it still asks for `amount` and has not expired. */
  order: string | null
  /** A new order expires (unpaid) this many minutes after it is opened (commerce's order expiry). */
  holdMinutes?: number
  /** `online`: a payment page (Stripe Checkout) for the order; `cash`/`terminal`: desk staff take it now. */
  method: 'online' | 'cash' | 'terminal'
  /** Who pays online: the member themselves, or desk staff sending the page. */
  payer: 'member' | 'desk'
}
export type PayFeeResult =
  | { ok: true; order: string; number: string; status: string; checkout: { id: string; url: string } | null }
  | { ok: false; code: string; reason: string }

/**
 * Pay a reservation's fee as a commerce order (one `fee` line of the snapshot's total): online
 * through the order's payment page, or at the desk. The snapshot becomes paid when `order.paid`
 * arrives for that order. Fallback: refused (`payments_unavailable`: the fee is paid at the club).
 */
export const payFeePort = definePort<PayFeeInput, PayFeeResult>('facility.payFee', () => ({
  ok: false,
  code: 'payments_unavailable',
  reason: 'Fees are paid at the club here.',
}))

export type ReleaseFeeOrderInput = { tenant: string; order: string }
/** Stop a fee's unpaid order (its reservation was cancelled or repriced). Fallback: nothing to release. */
export const releaseFeeOrderPort = definePort<ReleaseFeeOrderInput, { released: boolean }>(
  'facility.releaseFeeOrder',
  () => ({ released: false }),
)

export type RefundFeeInput = { tenant: string; order: string; reason: string }
/** What was given back now (0 when nothing was left to refund). */
export type RefundFeeResult = { refunded: number }

/**
 * Refund what is left of a paid fee order, for the system (a closure or a cancel), once: a repeat
 * finds nothing left. Fallback: nothing refunded here (the desk hands it back: `refundDue`).
 */
export const refundFeePort = definePort<RefundFeeInput, RefundFeeResult>('facility.refundFee', () => ({
  refunded: 0,
}))

export type DayPassLine = { product: string | null; name: string; quantity: number }
export type OrderDayPassesResult = {
  member: string | null
  buyer: { email: string | null; name: string | null }
  lines: DayPassLine[]
  /** The order is already refunded in full (its passes are issued void). */
  refunded?: boolean
}

/** The day-pass lines of a paid order (for `order.paid`). Fallback: none. */
export const orderDayPassesPort = definePort<{ tenant: string; order: string }, OrderDayPassesResult>(
  'facility.orderDayPasses',
  () => ({ member: null, buyer: { email: null, name: null }, lines: [] }),
)

export type UseIncludedMinutesInput = {
  tenant: string
  member: string
  /** The reservation's length. */
  minutes: number
  /** The member's tier's included minutes per day. */
  allowance: number
  /** The reservation's local day in the club's zone, as UTC instants (the usage period). */
  day: { start: string; end: string }
} & (
  | { peek?: false; ref: { collection: 'reservations'; id: string } }
  /** A quote: how many would be counted now, nothing written. */
  | { peek: true }
)
/** `minutes`: how many of the reservation's minutes are (or, peeking, would be) free; `included`: all of them. */
export type UseIncludedMinutesResult = { included: boolean; minutes: number }

/**
 * Count a reservation against the member's included minutes of its local day (billing's usage
 * records, under a row lock of the day's row): as many of its minutes as are left that day
 * (`minutes`; `included` when all of them fit). `peek` (a quote) answers the same without
 * writing. Fallback: none included (the tier's rate applies).
 */
export const useIncludedMinutesPort = definePort<UseIncludedMinutesInput, UseIncludedMinutesResult>(
  'facility.useIncludedMinutes',
  () => ({ included: false, minutes: 0 }),
)

/** Give a cancelled reservation's included minutes back, once. Fallback: nothing was counted. */
export const releaseIncludedMinutesPort = definePort<
  { tenant: string; member: string; minutes: number; ref: { collection: 'reservations'; id: string } },
  { released: boolean }
>('facility.releaseIncludedMinutes', () => ({ released: false }))

// ---- guest waivers ----
export type GuestWaiverInput = {
  tenant: string
  guest: { id: string; name: string; email: string | null }
  /** What the desk recorded on the guest (`guests.waiverSignedAt`). */
  waiverSignedAt: string | null
  /** The club's `tenant-settings.facility.guestWaiverAtDesk`: the desk's record is required. */
  requiredAtDesk: boolean
}
export type GuestWaiverResult = { ok: true } | { ok: false; reason: string }

/**
 * Before a guest is checked in (a reservation's party, a day pass): has the guest signed the
 * waiver? A waivers plugin implements it from its signatures (and decides whether one is
 * required). Fallback (no waivers plugin): the desk's record — refused only when the club requires
 * it (`requiredAtDesk`) and `waiverSignedAt` is empty.
 */
export const guestWaiverPort = definePort<GuestWaiverInput, GuestWaiverResult>('guards.guestWaiver', (_req, input) =>
  input.requiredAtDesk && !input.waiverSignedAt
    ? { ok: false, reason: `${input.guest.name} has not signed the waiver yet: record it at the desk first.` }
    : { ok: true },
)
// ---- /guest waivers ----

// ---- shared rooms ----
export type ClaimRoomInput = {
  tenant: string
  /** The bookings room the reservation's resource is linked to. */
  room: string
  /** The reservation's blocked range (buffers included). */
  startAt: string
  endAt: string
}
export type ClaimRoomResult = { conflict: { title: string; startAt: string } | null }

/**
 * Before a reservation of a resource linked to a bookings room is written: lock the room (its row,
 * until the transaction ends: classes and appointments of the room lock it too, so the writes of
 * one room serialise) and name a class or booked appointment in it overlapping [startAt, endAt).
 * Fallback (no bookings): no rooms to share, no conflict.
 */
export const claimRoomPort = definePort<ClaimRoomInput, ClaimRoomResult>('facility.claimRoom', () => ({
  conflict: null,
}))

export type RoomBookingsInput = {
  tenant: string
  /** Bookings `rooms` ids (the rooms facility resources are linked to). */
  rooms: string[]
  from: string
  to: string
}
/** A class (not cancelled) or booked appointment holding a room over [startAt, endAt) (an appointment's buffered span). */
export type RoomBooking = { room: string; kind: 'class' | 'appointment'; title: string; startAt: string; endAt: string }

/**
 * The classes and booked appointments of `rooms` overlapping [from, to), for the bay grid to show
 * their times as taken (a read: nothing locked). Fallback (no bookings): none.
 */
export const roomBookingsPort = definePort<RoomBookingsInput, { bookings: RoomBooking[] }>(
  'facility.roomBookings',
  () => ({ bookings: [] }),
)
// ---- /shared rooms ----

/** `POST /api/reservations/:id/pay`: the member pays online; desk staff online (a page) or cash/terminal. */
export const payReservationInput = z
  .object({ method: z.enum(['online', 'cash', 'terminal']).default('online') })
  .strict()
export type PayReservationReply = {
  reservation: string
  order: string
  number: string
  orderStatus: string
  checkout: { id: string; url: string } | null
}

/** `GET /api/facility-resources/availability?tenant=<id>&date=YYYY-MM-DD[&location=<id>]`: a day at a glance. */
export const dayAvailabilityInput = z
  .object({
    tenant: uuid,
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a local date YYYY-MM-DD')
      .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, 'must be a real calendar date'),
    location: uuid.optional(),
  })
  .strict()
export type DayAvailabilityInput = z.infer<typeof dayAvailabilityInput>

/** One bookable start on the slot grid of a resource's local day; `free` when a booking of one slot would be accepted. */
export type AvailabilitySlot = { startAt: string; endAt: string; free: boolean }
export type ResourceDay = {
  id: string
  name: string
  type: string
  location: string | null
  zone: string
  capacity: number
  slotMinutes: number
  minMinutes: number
  maxMinutes: number
  requiresApproval: boolean
  slots: AvailabilitySlot[]
}
export type DayAvailabilityReply = { date: string; resources: ResourceDay[] }

/** `POST /api/reservations/quote` (same body as book): the price and the outcome, nothing written. */
export type ReservationQuote = {
  resource: string
  startAt: string
  endAt: string
  /** The resource's IANA zone (its times are shown on that clock). */
  zone: string
  status: 'requested' | 'confirmed'
  total: { amount: number; currency: string }
  lines: (FeeLine & { name: string | null })[]
}
