import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, sqlFragment } from '@/core'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { eventsTable } from '../sql/eventsTable'

export type EventRow = {
  id: string
  tenant: string
  title: string
  status: 'draft' | 'published' | 'cancelled' | 'archived'
  startTime: Date
  endTime: Date
  capacity: number | null
  goingCount: number
  waitlistCapacity: number
  waitlistCount: number
  rsvpDeadline: Date | null
  maxGuests: number
  price: { amount: number; currency: string } | null
  creditCost: number | null
}

const eventColumns = sqlFragment(
  (e: ReturnType<typeof eventsTable>) =>
    sql`${e.id} AS id, ${e.tenant} AS tenant_id, ${e.title} AS title, ${e.status} AS status, ${e.startTime} AS start_time,
      ${e.endTime} AS end_time, ${e.capacity} AS capacity, ${e.goingCount} AS going_count, ${e.waitlistCapacity} AS waitlist_capacity,
      ${e.waitlistCount} AS waitlist_count, ${e.rsvpDeadline} AS rsvp_deadline, ${e.maxGuests} AS max_guests,
      ${e.priceAmount} AS price_amount, ${e.priceCurrency} AS price_currency, ${e.creditCost} AS credit_cost`,
)

/** One event row; with `lock`, `FOR UPDATE`. */
export const loadEvent = async (req: PayloadRequest, id: string, lock = false): Promise<EventRow | undefined> => {
  const e = eventsTable(req)
  const [row] = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT ${eventColumns(e)} FROM ${e} WHERE ${e.id} = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  if (!row) return undefined
  return {
    id: String(row.id),
    tenant: String(row.tenant_id),
    title: String(row.title),
    status: row.status as EventRow['status'],
    startTime: new Date(row.start_time as string),
    endTime: new Date(row.end_time as string),
    capacity: row.capacity === null ? null : Number(row.capacity),
    goingCount: Number(row.going_count ?? 0),
    waitlistCapacity: Number(row.waitlist_capacity ?? 0),
    waitlistCount: Number(row.waitlist_count ?? 0),
    rsvpDeadline: row.rsvp_deadline ? new Date(row.rsvp_deadline as string) : null,
    maxGuests: Number(row.max_guests ?? 0),
    price:
      row.price_amount !== null && row.price_currency
        ? { amount: Number(row.price_amount), currency: String(row.price_currency) }
        : null,
    creditCost: row.credit_cost === null ? null : Number(row.credit_cost),
  }
}

export type RsvpJson = {
  id: string
  tenant: string
  event: string
  /** The member, or null for an e-mail-only guest RSVP (see `guest`). */
  member: string | null
  guest: { name: string; email: string; phone: string | null } | null
  status: string
  guests: number
  /** 1-based place in the event's waitlist while `status` is `waitlisted`. */
  waitlistPosition: number | null
  waitlistedAt: string | null
  promotedAt: string | null
  checkedInAt: string | null
  paymentMethod: string | null
  price: { amount: number; currency: string } | null
  creditsUsed: number | null
  cancelledAt: string | null
  cancellationReason: string | null
  createdAt: string
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** An RSVP row as `rsvpColumns` selects it. */
export type RsvpRow = {
  id: string
  tenant_id: string
  event_id: string
  member_id: string | null
  guest_name: string | null
  guest_email: string | null
  guest_phone: string | null
  status: string
  guests: string | number | null
  waitlist_position: string | number | null
  waitlisted_at: string | null
  promoted_at: string | null
  checked_in_at: string | null
  payment_method: string | null
  price_amount: string | number | null
  price_currency: string | null
  credits_used: string | number | null
  cancelled_at: string | null
  cancellation_reason: string | null
  created_at: string
}

/** The columns every RSVP reply carries: `RETURNING ${rsvpColumns(rv)}`. */
export const rsvpColumns = sqlFragment(
  (r: ReturnType<typeof eventRsvpsTable>) =>
    sql`${r.id} AS id, ${r.tenant} AS tenant_id, ${r.event} AS event_id, ${r.member} AS member_id, ${r.guestName} AS guest_name,
      ${r.guestEmail} AS guest_email, ${r.guestPhone} AS guest_phone, ${r.status} AS status, ${r.guests} AS guests,
      ${r.waitlistPosition} AS waitlist_position, ${r.waitlistedAt} AS waitlisted_at, ${r.promotedAt} AS promoted_at,
      ${r.checkedInAt} AS checked_in_at, ${r.paymentMethod} AS payment_method, ${r.priceAmount} AS price_amount,
      ${r.priceCurrency} AS price_currency, ${r.creditsUsed} AS credits_used, ${r.cancelledAt} AS cancelled_at,
      ${r.cancellationReason} AS cancellation_reason, ${r.createdAt} AS created_at`,
)

export const toRsvpJson = (row: RsvpRow): RsvpJson => ({
  id: String(row.id),
  tenant: String(row.tenant_id),
  event: String(row.event_id),
  member: row.member_id ? String(row.member_id) : null,
  guest: row.guest_name
    ? { name: String(row.guest_name), email: String(row.guest_email), phone: (row.guest_phone as string) ?? null }
    : null,
  status: String(row.status),
  guests: Number(row.guests ?? 0),
  waitlistPosition:
    row.waitlist_position === null || row.waitlist_position === undefined ? null : Number(row.waitlist_position),
  waitlistedAt: iso(row.waitlisted_at),
  promotedAt: iso(row.promoted_at),
  checkedInAt: iso(row.checked_in_at),
  paymentMethod: (row.payment_method as string) ?? null,
  price:
    row.price_amount === null || row.price_amount === undefined
      ? null
      : { amount: Number(row.price_amount), currency: String(row.price_currency) },
  creditsUsed: row.credits_used === null || row.credits_used === undefined ? null : Number(row.credits_used),
  cancelledAt: iso(row.cancelled_at),
  cancellationReason: (row.cancellation_reason as string) ?? null,
  createdAt: iso(row.created_at)!,
})

export const loadRsvp = async (req: PayloadRequest, id: string, lock = false): Promise<RsvpJson | undefined> => {
  const r = eventRsvpsTable(req)
  const [row] = await runSql<RsvpRow>(
    req,
    sql`SELECT ${rsvpColumns(r)} FROM ${r} WHERE ${r.id} = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  return row ? toRsvpJson(row) : undefined
}
