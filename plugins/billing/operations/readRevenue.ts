import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { localDayBounds, runSql, tenantsTable, type Money } from '@/core'
import { paymentsTable } from './sql/paymentsTable'

export type Revenue = { today: Money; week: Money; paymentsToday: number; paymentsThisWeek: number }

/**
 * Money taken today and this week (Monday on) in the tenant's zone and currency: payments that
 * succeeded, less what was refunded of them. One statement on the (tenant, createdAt) index.
 */
export const readRevenue = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  input: { tenant: string; now?: Date },
): Promise<Revenue> => {
  const t = tenantsTable(req)
  const [tenant] = await runSql<{ timezone: string; currency: string }>(
    req,
    sql`SELECT ${t.timezone} AS timezone, ${t.currency} AS currency FROM ${t.$table} WHERE ${t.id} = ${input.tenant}`,
  )
  const currency = tenant?.currency ?? 'USD'
  const { from, weekFrom } = localDayBounds(input.now ?? new Date(), tenant?.timezone ?? 'UTC')
  const since = new Date(Math.min(from.getTime(), weekFrom.getTime())).toISOString()
  const p = paymentsTable(req)
  const [row] = await runSql<{ today: string; week: string; nToday: number; nWeek: number }>(
    req,
    sql`SELECT
        coalesce(sum(${p.amount} - coalesce(${p.amountRefunded}, 0)) FILTER (WHERE ${p.createdAt} >= ${from.toISOString()}), 0) AS today,
        coalesce(sum(${p.amount} - coalesce(${p.amountRefunded}, 0)) FILTER (WHERE ${p.createdAt} >= ${weekFrom.toISOString()}), 0) AS week,
        count(*) FILTER (WHERE ${p.createdAt} >= ${from.toISOString()})::int AS "nToday",
        count(*) FILTER (WHERE ${p.createdAt} >= ${weekFrom.toISOString()})::int AS "nWeek"
      FROM ${p.$table}
      WHERE ${p.tenant} = ${input.tenant} AND ${p.createdAt} >= ${since} AND ${p.currency} = ${currency}
        AND ${p.status} IN ('succeeded', 'partially_refunded', 'refunded')`,
  )
  return {
    today: { amount: Number(row?.today ?? 0), currency },
    week: { amount: Number(row?.week ?? 0), currency },
    paymentsToday: row?.nToday ?? 0,
    paymentsThisWeek: row?.nWeek ?? 0,
  }
}
