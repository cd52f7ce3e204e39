import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, sqlFragment } from '@/core'
import { appointmentsTable } from '../sql/appointmentsTable'

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

/** An appointment row as `appointmentColumns` selects it. */
export type AppointmentRow = {
  id: string
  tenant_id: string
  service_id: string
  provider_id: string
  member_id: string | null
  guest_name: string | null
  guest_email: string | null
  guest_phone: string | null
  start_time: string | Date
  end_time: string | Date
  timezone: string | null
  status: string
  capacity: number | string | null
  checked_in_at: string | Date | null
  price_amount: number | string | null
  price_currency: string | null
  credit_cost: number | string | null
  payment_method: string | null
  source: string | null
  cancelled_at: string | Date | null
  cancellation_reason: string | null
  created_at: string | Date
}

/** The columns every appointment reply carries (ids unpopulated): `RETURNING ${appointmentColumns(a)}`. */
export const appointmentColumns = sqlFragment(
  (a: ReturnType<typeof appointmentsTable>) =>
    sql`${a.id} AS id, ${a.tenant} AS tenant_id, ${a.service} AS service_id, ${a.provider} AS provider_id, ${a.member} AS member_id,
      ${a.guestName} AS guest_name, ${a.guestEmail} AS guest_email, ${a.guestPhone} AS guest_phone, ${a.startTime} AS start_time,
      ${a.endTime} AS end_time, ${a.timezone} AS timezone, ${a.status} AS status, ${a.capacity} AS capacity, ${a.checkedInAt} AS checked_in_at,
      ${a.priceAmount} AS price_amount, ${a.priceCurrency} AS price_currency, ${a.creditCost} AS credit_cost,
      ${a.paymentMethod} AS payment_method, ${a.source} AS source, ${a.cancelledAt} AS cancelled_at,
      ${a.cancellationReason} AS cancellation_reason, ${a.createdAt} AS created_at`,
)

export const toAppointmentJson = (row: AppointmentRow): AppointmentJson => ({
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
  const a = appointmentsTable(req)
  const [row] = await runSql<AppointmentRow>(
    req,
    sql`SELECT ${appointmentColumns(a)} FROM ${a.$table} WHERE ${a.id} = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  return row ? toAppointmentJson(row) : undefined
}
