import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

export type AppointmentJson = {
  id: string
  tenant: string
  service: string
  provider: string
  member: string
  startTime: string
  endTime: string
  timezone: string | null
  status: string
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
export const APPOINTMENT_COLUMNS = sql`id, tenant_id, service_id, provider_id, member_id, start_time, end_time, timezone, status, price_amount,
  price_currency, credit_cost, payment_method, source, cancelled_at, cancellation_reason, created_at`

export const toAppointmentJson = (row: Record<string, unknown>): AppointmentJson => ({
  id: String(row.id),
  tenant: String(row.tenant_id),
  service: String(row.service_id),
  provider: String(row.provider_id),
  member: String(row.member_id),
  startTime: iso(row.start_time)!,
  endTime: iso(row.end_time)!,
  timezone: (row.timezone as string) ?? null,
  status: String(row.status),
  price: row.price_amount === null || row.price_amount === undefined ? null : { amount: Number(row.price_amount), currency: String(row.price_currency) },
  creditCost: row.credit_cost === null || row.credit_cost === undefined ? null : Number(row.credit_cost),
  paymentMethod: (row.payment_method as string) ?? null,
  source: (row.source as string) ?? null,
  cancelledAt: iso(row.cancelled_at),
  cancellationReason: (row.cancellation_reason as string) ?? null,
  createdAt: iso(row.created_at)!,
})

export const loadAppointment = async (req: PayloadRequest, id: string, lock = false): Promise<AppointmentJson | undefined> => {
  const [row] = await runSql(req, sql`SELECT ${APPOINTMENT_COLUMNS} FROM appointments WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`)
  return row ? toAppointmentJson(row) : undefined
}
