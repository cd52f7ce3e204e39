import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

export type AppointmentJson = {
  id: string
  tenant: string
  service: string
  provider: string
  /** The member, or null for a guest appointment (see `guest`). */
  member: string | null
  guest: { name: string; email: string; phone: string | null } | null
  startTime: string
  endTime: string
  timezone: string | null
  status: string
  /** Places of the slot (1 = one-on-one). */
  capacity: number
  checkedInAt: string | null
  price: { amount: number; currency: string } | null
  creditCost: number | null
  paymentMethod: string | null
  source: string | null
  cancelledAt: string | null
  cancellationReason: string | null
  createdAt: string
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** The columns every appointment reply carries, in the REST shape (ids unpopulated). */
export const APPOINTMENT_COLUMNS = sql`id, tenant_id, service_id, provider_id, member_id, guest_name, guest_email, guest_phone, start_time, end_time, timezone,
  status, capacity, checked_in_at, price_amount, price_currency, credit_cost, payment_method, source, cancelled_at, cancellation_reason, created_at`

export const toAppointmentJson = (row: Record<string, unknown>): AppointmentJson => ({
  id: String(row.id),
  tenant: String(row.tenant_id),
  service: String(row.service_id),
  provider: String(row.provider_id),
  member: row.member_id ? String(row.member_id) : null,
  guest: row.guest_name
    ? { name: String(row.guest_name), email: String(row.guest_email), phone: (row.guest_phone as string) ?? null }
    : null,
  startTime: iso(row.start_time)!,
  endTime: iso(row.end_time)!,
  timezone: (row.timezone as string) ?? null,
  status: String(row.status),
  capacity: row.capacity === null || row.capacity === undefined ? 1 : Number(row.capacity),
  checkedInAt: iso(row.checked_in_at),
  price:
    row.price_amount === null || row.price_amount === undefined
      ? null
      : { amount: Number(row.price_amount), currency: String(row.price_currency) },
  creditCost: row.credit_cost === null || row.credit_cost === undefined ? null : Number(row.credit_cost),
  paymentMethod: (row.payment_method as string) ?? null,
  source: (row.source as string) ?? null,
  cancelledAt: iso(row.cancelled_at),
  cancellationReason: (row.cancellation_reason as string) ?? null,
  createdAt: iso(row.created_at)!,
})

export const loadAppointment = async (
  req: PayloadRequest,
  id: string,
  lock = false,
): Promise<AppointmentJson | undefined> => {
  const [row] = await runSql(
    req,
    sql`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  return row ? toAppointmentJson(row) : undefined
}
