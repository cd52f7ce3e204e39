import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { taxRateKindsTable, taxRatesTable } from './sql/taxRatesTable'

export type TaxedLine = { kind: string; net: number }

/**
 * The tenant's active tax rates applied to order lines (after discounts): per line, the rates whose
 * kinds include the product kind (no kinds = every kind; gift cards never) are added up in basis
 * points; exclusive rates add round(net × bps / 10000) to `tax`, inclusive rates report the part
 * of the price they contain, net − round(net × 10000 / (10000 + bps)), as `taxIncluded`.
 * `configured` is false when the tenant has no active rate (the caller's manual tax then applies).
 */
export const computeTax = async (req: PayloadRequest, tenant: string, lines: TaxedLine[]) => {
  const r = taxRatesTable(req)
  const k = taxRateKindsTable(req)
  const rates = await runSql<{ id: string; rate_bps: number; mode: 'exclusive' | 'inclusive'; kinds: string[] | null }>(
    req,
    sql`SELECT r.${r.id} AS id, r.${r.rateBps} AS rate_bps, r.${r.mode} AS mode, array_remove(array_agg(k.${k.value}::text), NULL) AS kinds
        FROM ${r.$table} r LEFT JOIN ${k.$table} k ON k.${k.parent} = r.${r.id}
        WHERE r.${r.tenant} = ${tenant} AND r.${r.active} GROUP BY r.${r.id}, r.${r.rateBps}, r.${r.mode}`,
  )
  let tax = 0
  let taxIncluded = 0
  for (const line of lines) {
    if (line.kind === 'gift_card' || line.net <= 0) continue
    const applies = rates.filter((rate) => !rate.kinds?.length || rate.kinds.includes(line.kind))
    const bps = (mode: string) =>
      applies.filter((rate) => rate.mode === mode).reduce((sum, rate) => sum + Number(rate.rate_bps), 0)
    const exclusive = bps('exclusive')
    const inclusive = bps('inclusive')
    if (exclusive > 0) tax += Math.round((line.net * exclusive) / 10000)
    if (inclusive > 0) taxIncluded += line.net - Math.round((line.net * 10000) / (10000 + inclusive))
  }
  return { configured: rates.length > 0, tax, taxIncluded }
}
