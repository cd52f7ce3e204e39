import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantsTable } from '@/core'
import type { CreatorEarningsInput, CreatorEarningsResult } from '@plugins/lms/contract'
import { paymentRefundsTable, paymentsTable } from './sql/paymentsTable'

type Row = {
  month: string
  gross: string
  fee: string
  refunds: string
  reversed: string
  payments: number
}

/**
 * lms's `lms.creatorEarnings`: creator sales (payments that carry a `platformFee`) of `tenant` in
 * its currency, by month of the tenant's time zone from `from` to `to` (`YYYY-MM`, inclusive),
 * in one statement: each month's gross and platform fee by payment time, and its refunds and
 * platform fee given back by refund time (`refunds[].at`), whichever month the sale was in. A
 * month is `[first day 00:00, next first day 00:00)` on the tenant's wall clock (DST-safe:
 * PostgreSQL converts each bound with the zone's offset at that instant).
 */
export const creatorEarnings = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  input: CreatorEarningsInput,
): Promise<CreatorEarningsResult> => {
  const t = tenantsTable(req)
  const p = paymentsTable(req)
  const r = paymentRefundsTable(req)
  const [tenant] = await runSql<{ timezone: string | null; currency: string | null }>(
    req,
    sql`SELECT ${t.timezone} AS timezone, ${t.currency} AS currency FROM ${t.$table} WHERE ${t.id} = ${input.tenant}`,
  )
  if (!tenant) return null
  const zone = tenant.timezone || 'UTC'
  const currency = tenant.currency || 'USD'
  const first = `${input.from}-01`
  const last = `${input.to}-01`
  const rows = await runSql<Row>(
    req,
    sql`WITH bounds AS (
          SELECT (${first}::timestamp AT TIME ZONE ${zone}) AS lo,
                 ((${last}::timestamp + interval '1 month') AT TIME ZONE ${zone}) AS hi
        ),
        months AS (
          SELECT generate_series(${first}::timestamp, ${last}::timestamp, interval '1 month') AS m
        ),
        sales AS (
          SELECT date_trunc('month', ${p.createdAt} AT TIME ZONE ${zone}) AS m,
                 sum(${p.amount}) AS gross, sum(${p.platformFee}) AS fee, count(*)::int AS n
          FROM ${p.$table}, bounds
          WHERE ${p.tenant} = ${input.tenant} AND ${p.platformFee} IS NOT NULL AND ${p.currency} = ${currency}
            AND ${p.status} IN ('succeeded', 'partially_refunded', 'refunded')
            AND ${p.createdAt} >= bounds.lo AND ${p.createdAt} < bounds.hi
          GROUP BY 1
        ),
        refunded AS (
          SELECT date_trunc('month', rf.${r.at} AT TIME ZONE ${zone}) AS m,
                 sum(rf.${r.amount}) AS refunds, sum(coalesce(rf.${r.platformFeeReversed}, 0)) AS reversed
          FROM ${r.$table} rf JOIN ${p.$table} pay ON pay.${p.id} = rf.${r.parent}, bounds
          WHERE pay.${p.tenant} = ${input.tenant} AND pay.${p.platformFee} IS NOT NULL AND pay.${p.currency} = ${currency}
            AND rf.${r.at} >= bounds.lo AND rf.${r.at} < bounds.hi
          GROUP BY 1
        )
        SELECT to_char(months.m, 'YYYY-MM') AS month,
               coalesce(sales.gross, 0)::text AS gross, coalesce(sales.fee, 0)::text AS fee,
               coalesce(refunded.refunds, 0)::text AS refunds, coalesce(refunded.reversed, 0)::text AS reversed,
               coalesce(sales.n, 0) AS payments
        FROM months LEFT JOIN sales ON sales.m = months.m LEFT JOIN refunded ON refunded.m = months.m
        ORDER BY months.m`,
  )
  return {
    timeZone: zone,
    currency,
    months: rows.map((row) => {
      const gross = Number(row.gross)
      const platformFee = Number(row.fee)
      const refunds = Number(row.refunds)
      const platformFeeReversed = Number(row.reversed)
      return {
        month: row.month,
        gross,
        platformFee,
        refunds,
        platformFeeReversed,
        net: gross - platformFee - refunds + platformFeeReversed,
        payments: Number(row.payments),
      }
    }),
  }
}
