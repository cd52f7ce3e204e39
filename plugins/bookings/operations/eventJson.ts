import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

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

/** One event row; with `lock`, `FOR UPDATE`. */
export const loadEvent = async (req: PayloadRequest, id: string, lock = false): Promise<EventRow | undefined> => {
  const [row] = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT id, tenant_id, title, status, start_time, end_time, capacity, going_count, waitlist_capacity, waitlist_count, rsvp_deadline, max_guests, price_amount, price_currency, credit_cost
        FROM events WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
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

export const RSVP_COLUMNS = sql`id, tenant_id, event_id, member_id, guest_name, guest_email, guest_phone, status, guests, waitlist_position, waitlisted_at, promoted_at, checked_in_at,
  payment_method, price_amount, price_currency, credits_used, cancelled_at, cancellation_reason, created_at`

export const toRsvpJson = (row: Record<string, unknown>): RsvpJson => ({
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
  const [row] = await runSql(
    req,
    sql`SELECT ${RSVP_COLUMNS} FROM event_rsvps WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  return row ? toRsvpJson(row) : undefined
}
