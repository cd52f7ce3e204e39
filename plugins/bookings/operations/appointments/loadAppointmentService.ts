import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { SlotTerms } from './availabilityWindows'

export type AppointmentServiceRow = SlotTerms & {
  id: string
  tenant: string
  title: string
  kind: 'service' | 'consultation' | 'tour'
  isActive: boolean
  price: { amount: number; currency: string } | null
  creditCost: number | null
  location: string | null
  room: string | null
  bookingWindowDays: number
  minNoticeMinutes: number
  /** Places per slot: 1 = one-on-one, more = a small group. */
  capacity: number
  providers: string[]
}

/** One appointment service with its provider ids (no population); with `share`, the row is held `FOR SHARE` until commit. */
export const loadAppointmentService = async (
  req: PayloadRequest,
  id: string,
  options: { share?: boolean } = {},
): Promise<AppointmentServiceRow | undefined> => {
  const [row] = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT s.id, s.tenant_id, s.title, s.kind, s.is_active, s.duration_minutes, s.buffer_before_minutes, s.buffer_after_minutes,
               s.slot_interval_minutes, s.price_amount, s.price_currency, s.credit_cost, s.location_id, s.room_id, s.booking_window_days,
               s.min_notice_minutes, s.capacity,
               coalesce((SELECT array_agg(r.tenant_memberships_id::text ORDER BY r."order") FROM appointment_services_rels r
                         WHERE r.parent_id = s.id AND r.path = 'providers'), '{}') AS providers
        FROM appointment_services s WHERE s.id = ${id} ${options.share ? sql`FOR SHARE OF s` : sql``}`,
  )
  if (!row) return undefined
  const n = (value: unknown, fallback: number) => (value === null || value === undefined ? fallback : Number(value))
  return {
    id: String(row.id),
    tenant: String(row.tenant_id),
    title: String(row.title),
    kind: (row.kind as AppointmentServiceRow['kind']) ?? 'service',
    isActive: row.is_active !== false,
    durationMinutes: n(row.duration_minutes, 60),
    bufferBeforeMinutes: n(row.buffer_before_minutes, 0),
    bufferAfterMinutes: n(row.buffer_after_minutes, 0),
    slotIntervalMinutes: n(row.slot_interval_minutes, 15),
    price:
      row.price_amount !== null && row.price_amount !== undefined && row.price_currency
        ? { amount: Number(row.price_amount), currency: String(row.price_currency) }
        : null,
    creditCost: row.credit_cost === null || row.credit_cost === undefined ? null : Number(row.credit_cost),
    location: row.location_id ? String(row.location_id) : null,
    room: row.room_id ? String(row.room_id) : null,
    bookingWindowDays: n(row.booking_window_days, 30),
    minNoticeMinutes: n(row.min_notice_minutes, 0),
    capacity: Math.max(1, n(row.capacity, 1)),
    providers: (row.providers as string[]) ?? [],
  }
}
