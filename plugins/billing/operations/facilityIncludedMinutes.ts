import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { UseIncludedMinutesInput } from '@plugins/facility/contract'
import { usageRecordsTable } from './sql/usageRecordsTable'

/** The usage feature facility's included minutes are metered under (one row per member and local day). */
export const INCLUDED_MINUTES_FEATURE = 'facility.included_minutes'

/**
 * facility's `facility.useIncludedMinutes`: one conditional upsert on the member's usage row of
 * that local day adds the reservation's minutes only while the total stays within the allowance
 * (and the reservation is not counted yet), so racing bookings never exceed it. A reservation
 * already counted answers included (idempotent).
 */
export const useIncludedMinutes = async (
  req: PayloadRequest,
  input: UseIncludedMinutesInput,
): Promise<{ included: boolean }> => {
  if (!(input.minutes > 0) || input.minutes > input.allowance) return { included: false }
  const target = `${input.ref.collection}:${input.ref.id}`
  const u = usageRecordsTable(req)
  const counted = await runSql<{ quantity: number }>(
    req,
    sql`INSERT INTO ${u} (${u.tenant}, ${u.member}, ${u.featureKey}, ${u.periodStart}, ${u.periodEnd}, ${u.quantity}, ${u.targets})
        VALUES (${input.tenant}, ${input.member}, ${INCLUDED_MINUTES_FEATURE}, ${input.day.start}::timestamptz, ${input.day.end}::timestamptz,
                ${input.minutes}, jsonb_build_array(${target}::text))
        ON CONFLICT (${u.member}, ${u.featureKey}, ${u.periodStart}) DO UPDATE
          SET ${u.quantity} = ${u}.${u.quantity} + ${input.minutes},
              ${u.targets} = coalesce(${u}.${u.targets}, '[]'::jsonb) || jsonb_build_array(${target}::text),
              ${u.updatedAt} = now()
          WHERE ${u}.${u.quantity} + ${input.minutes} <= ${input.allowance}
            AND NOT coalesce(${u}.${u.targets}, '[]'::jsonb) @> jsonb_build_array(${target}::text)
        RETURNING ${u.quantity} AS quantity`,
  )
  return { included: counted.length > 0 }
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
