import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, sqlFragment, tenantMembershipsTable } from '@/core'
import type { BookingPolicy } from '../../types'
import { policyColumns, policyOf, type PolicyRow } from './bookingPolicy'
import { bookingSettingsTable } from '../sql/bookingSettingsTable'
import { classesTable } from '../sql/classesTable'

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

/** The class columns of `classes c` a `ClassRow` is made of. */
const classColumns = sqlFragment(
  (c: ReturnType<typeof classesTable>) =>
    sql`c.${c.id} AS id, c.${c.tenant} AS tenant, c.${c.title} AS title, c.${c.status} AS status, c.${c.startTime} AS "startTime",
      c.${c.endTime} AS "endTime", c.${c.timezone} AS timezone, c.${c.capacity} AS capacity, c.${c.waitlistCapacity} AS "waitlistCapacity",
      c.${c.bookedCount} AS "bookedCount", c.${c.waitlistCount} AS "waitlistCount", c.${c.priceAmount} AS "priceAmount",
      c.${c.priceCurrency} AS "priceCurrency", c.${c.creditCost} AS "creditCost"`,
)

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
  const c = classesTable(req)
  const m = tenantMembershipsTable(req)
  const s = bookingSettingsTable(req)
  const [row] = await runSql<
    Omit<ClassRow, 'policy' | 'startTime' | 'endTime'> & PolicyRow & { startTime: string; endTime: string }
  >(
    req,
    sql`SELECT ${classColumns(c)}
               ${who?.user ? sql`, (SELECT m.${m.id} FROM ${m} m WHERE m.${m.tenant} = c.${c.tenant} AND m.${m.user} = ${who.user} AND m.${m.status} = 'active' LIMIT 1) AS "actorMembership"` : sql``}
               ${who?.member ? sql`, (SELECT m.${m.id} FROM ${m} m WHERE m.${m.id} = ${who.member} AND m.${m.tenant} = c.${c.tenant} AND m.${m.status} = 'active') AS "namedMembership"` : sql``}
               ${who?.policy ? sql`, ${policyColumns(req)}` : sql``}
        FROM ${c} c ${who?.policy ? sql`LEFT JOIN ${s} s ON s.${s.tenant} = c.${c.tenant}` : sql``}
        WHERE c.${c.id} = ${id} ${lock ? sql`FOR UPDATE OF c` : sql``}`,
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
