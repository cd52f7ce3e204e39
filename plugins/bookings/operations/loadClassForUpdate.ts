import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

export type ClassRow = {
  id: string
  tenant: string
  title: string
  status: 'scheduled' | 'cancelled' | 'completed'
  startTime: Date
  endTime: Date
  timezone: string | null
  capacity: number
  waitlistCapacity: number
  bookedCount: number
  waitlistCount: number
  priceAmount: number | null
  priceCurrency: string | null
  creditCost: number | null
}

/** One class row; with `lock`, `FOR UPDATE` (every writer of a class's bookings locks it first). */
export const loadClass = async (req: PayloadRequest, id: string, lock = false): Promise<ClassRow | undefined> => {
  const [row] = await runSql<ClassRow>(
    req,
    sql`SELECT id, tenant_id AS tenant, title, status, start_time AS "startTime", end_time AS "endTime", timezone,
               capacity, waitlist_capacity AS "waitlistCapacity", booked_count AS "bookedCount", waitlist_count AS "waitlistCount",
               price_amount AS "priceAmount", price_currency AS "priceCurrency", credit_cost AS "creditCost"
        FROM classes WHERE id = ${id} ${lock ? sql`FOR UPDATE` : sql``}`,
  )
  if (!row) return undefined
  const n = (value: unknown) => (value === null || value === undefined ? null : Number(value))
  return {
    ...row,
    id: String(row.id),
    tenant: String(row.tenant),
    startTime: new Date(row.startTime),
    endTime: new Date(row.endTime),
    capacity: Number(row.capacity),
    waitlistCapacity: Number(row.waitlistCapacity),
    bookedCount: Number(row.bookedCount ?? 0),
    waitlistCount: Number(row.waitlistCount ?? 0),
    priceAmount: n(row.priceAmount),
    creditCost: n(row.creditCost),
  }
}
