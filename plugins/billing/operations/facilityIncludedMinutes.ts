import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { UseIncludedMinutesInput, UseIncludedMinutesResult } from '@plugins/facility/contract'
import { usageRecordsTable } from './sql/usageRecordsTable'

/** The usage feature facility's included minutes are metered under (one row per member and local day). */
export const INCLUDED_MINUTES_FEATURE = 'facility.included_minutes'

/**
 * facility's `facility.useIncludedMinutes`: the member's usage row of that local day (made empty
 * when missing, then locked `FOR UPDATE`, so concurrent bookings of the day serialise on it) gets
 * as many of the reservation's minutes as are left of the allowance, and the reservation in its
 * targets, in the booking's transaction: racing bookings never exceed the allowance. `peek` (a
 * quote) reads what would be counted and writes nothing. A reservation already counted counts
 * nothing more.
 */
export const useIncludedMinutes = async (
  req: PayloadRequest,
  input: UseIncludedMinutesInput,
): Promise<UseIncludedMinutesResult> => {
  const none = { included: false, minutes: 0 }
  if (!(input.minutes > 0) || !(input.allowance > 0)) return none
  const u = usageRecordsTable(req)
  const fits = (used: number) => Math.max(0, Math.min(input.minutes, input.allowance - used))
  const result = (minutes: number) => ({ included: minutes === input.minutes, minutes })
  if (input.peek === true) {
    const [row] = await runSql<{ quantity: number }>(
      req,
      sql`SELECT ${u.quantity}::int AS quantity FROM ${u} WHERE ${u.member} = ${input.member}
            AND ${u.featureKey} = ${INCLUDED_MINUTES_FEATURE} AND ${u.periodStart} = ${input.day.start}::timestamptz`,
    )
    return result(fits(Number(row?.quantity ?? 0)))
  }
  const target = `${input.ref.collection}:${input.ref.id}`
  await runSql(
    req,
    sql`INSERT INTO ${u} (${u.tenant}, ${u.member}, ${u.featureKey}, ${u.periodStart}, ${u.periodEnd}, ${u.quantity}, ${u.targets})
        VALUES (${input.tenant}, ${input.member}, ${INCLUDED_MINUTES_FEATURE}, ${input.day.start}::timestamptz, ${input.day.end}::timestamptz, 0, '[]'::jsonb)
        ON CONFLICT (${u.member}, ${u.featureKey}, ${u.periodStart}) DO NOTHING`,
  )
  const [row] = await runSql<{ id: string; quantity: number; counted: boolean }>(
    req,
    sql`SELECT ${u.id} AS id, ${u.quantity}::int AS quantity,
               coalesce(${u.targets}, '[]'::jsonb) @> jsonb_build_array(${target}::text) AS counted
        FROM ${u} WHERE ${u.member} = ${input.member} AND ${u.featureKey} = ${INCLUDED_MINUTES_FEATURE}
          AND ${u.periodStart} = ${input.day.start}::timestamptz FOR UPDATE`,
  )
  if (!row || row.counted) return none
  const minutes = fits(Number(row.quantity))
  if (minutes === 0) return none
  await runSql(
    req,
    sql`UPDATE ${u} SET ${u.quantity} = ${u.quantity} + ${minutes},
          ${u.targets} = coalesce(${u.targets}, '[]'::jsonb) || jsonb_build_array(${target}::text), ${u.updatedAt} = now()
        WHERE ${u.id} = ${row.id} AND ${u.quantity} + ${minutes} <= ${input.allowance}`,
  )
  return result(minutes)
}

/**
 * facility's `facility.releaseIncludedMinutes`: a cancelled reservation's minutes back to its day,
 * once (the conditional UPDATE removes it from the row's targets; a repeat finds nothing).
 */
export const releaseIncludedMinutes = async (
  req: PayloadRequest,
  input: { tenant: string; member: string; minutes: number; ref: { collection: string; id: string } },
): Promise<{ released: boolean }> => {
  const target = `${input.ref.collection}:${input.ref.id}`
  const u = usageRecordsTable(req)
  const rows = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${u} SET ${u.quantity} = greatest(${u.quantity} - ${input.minutes}, 0), ${u.targets} = ${u.targets} - ${target}::text, ${u.updatedAt} = now()
        WHERE ${u.tenant} = ${input.tenant} AND ${u.member} = ${input.member} AND ${u.featureKey} = ${INCLUDED_MINUTES_FEATURE}
          AND ${u.targets} @> jsonb_build_array(${target}::text)
        RETURNING ${u.id} AS id`,
  )
  return { released: rows.length > 0 }
}
