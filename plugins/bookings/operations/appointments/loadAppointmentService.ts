import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { SlotTerms } from './availabilityWindows'
import { appointmentServicesRelsTable, appointmentServicesTable } from '../sql/appointmentServicesTable'

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

type ServiceRow = {
  id: string
  tenant_id: string
  title: string
  kind: AppointmentServiceRow['kind'] | null
  is_active: boolean | null
  duration_minutes: number | string | null
  buffer_before_minutes: number | string | null
  buffer_after_minutes: number | string | null
  slot_interval_minutes: number | string | null
  price_amount: number | string | null
  price_currency: string | null
  credit_cost: number | string | null
  location_id: string | null
  room_id: string | null
  booking_window_days: number | string | null
  min_notice_minutes: number | string | null
  capacity: number | string | null
  providers: string[]
}

/** One appointment service with its provider ids (no population); with `share`, the row is held `FOR SHARE` until commit. */
export const loadAppointmentService = async (
  req: PayloadRequest,
  id: string,
  options: { share?: boolean } = {},
): Promise<AppointmentServiceRow | undefined> => {
  const s = appointmentServicesTable(req)
  const r = appointmentServicesRelsTable(req)
  const [row] = await runSql<ServiceRow>(
    req,
    sql`SELECT s.${s.id} AS id, s.${s.tenant} AS tenant_id, s.${s.title} AS title, s.${s.kind} AS kind, s.${s.isActive} AS is_active,
               s.${s.durationMinutes} AS duration_minutes, s.${s.bufferBeforeMinutes} AS buffer_before_minutes,
               s.${s.bufferAfterMinutes} AS buffer_after_minutes, s.${s.slotIntervalMinutes} AS slot_interval_minutes,
               s.${s.priceAmount} AS price_amount, s.${s.priceCurrency} AS price_currency, s.${s.creditCost} AS credit_cost,
               s.${s.location} AS location_id, s.${s.room} AS room_id, s.${s.bookingWindowDays} AS booking_window_days,
               s.${s.minNoticeMinutes} AS min_notice_minutes, s.${s.capacity} AS capacity,
               coalesce((SELECT array_agg(r.${r.membership}::text ORDER BY r.${r.order}) FROM ${r.$table} r
                         WHERE r.${r.parent} = s.${s.id} AND r.${r.path} = 'providers'), '{}') AS providers
        FROM ${s.$table} s WHERE s.${s.id} = ${id} ${options.share ? sql`FOR SHARE OF s` : sql``}`,
  )
  if (!row) return undefined
  const n = (value: unknown, fallback: number) => (value === null || value === undefined ? fallback : Number(value))
  return {
    id: String(row.id),
    tenant: String(row.tenant_id),
    title: String(row.title),
    kind: row.kind ?? 'service',
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
