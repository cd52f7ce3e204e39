import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { BookingPolicy } from '../types'
import { POLICY_COLUMNS, policyOf } from './bookingPolicy'

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
  /** With `who.user`: that person's active membership in the class's tenant. */
  actorMembership?: string | null
  /** With `who.member`: that membership, if active in the class's tenant. */
  namedMembership?: string | null
  /** With `who.policy`: the tenant's booking policy. */
  policy?: BookingPolicy
}

/**
 * One class row; with `lock`, `FOR UPDATE` (every writer of a class's bookings locks it first).
 * `who` folds the membership lookups and the tenant's policy of a booking into the same statement.
 */
export const loadClass = async (
  req: PayloadRequest,
  id: string,
  lock = false,
  who?: { user?: string; member?: string; policy?: boolean },
): Promise<ClassRow | undefined> => {
  const [row] = await runSql<Omit<ClassRow, 'policy'> & Record<string, unknown>>(
    req,
    sql`SELECT c.id, c.tenant_id AS tenant, c.title, c.status, c.start_time AS "startTime", c.end_time AS "endTime", c.timezone,
               c.capacity, c.waitlist_capacity AS "waitlistCapacity", c.booked_count AS "bookedCount", c.waitlist_count AS "waitlistCount",
               c.price_amount AS "priceAmount", c.price_currency AS "priceCurrency", c.credit_cost AS "creditCost"
               ${who?.user ? sql`, (SELECT m.id FROM tenant_memberships m WHERE m.tenant_id = c.tenant_id AND m.user_id = ${who.user} AND m.status = 'active' LIMIT 1) AS "actorMembership"` : sql``}
               ${who?.member ? sql`, (SELECT m.id FROM tenant_memberships m WHERE m.id = ${who.member} AND m.tenant_id = c.tenant_id AND m.status = 'active') AS "namedMembership"` : sql``}
               ${who?.policy ? sql`, ${POLICY_COLUMNS}` : sql``}
        FROM classes c ${who?.policy ? sql`LEFT JOIN tenant_settings s ON s.tenant_id = c.tenant_id` : sql``}
        WHERE c.id = ${id} ${lock ? sql`FOR UPDATE OF c` : sql``}`,
    { prepared: true },
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
    actorMembership: row.actorMembership ? String(row.actorMembership) : null,
    namedMembership: row.namedMembership ? String(row.namedMembership) : null,
    ...(who?.policy ? { policy: policyOf(row) } : {}),
  }
}
