import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, runSql } from '@/core'
import { creatorContentPort } from '@plugins/commerce/contract'
import { orderLinesTable } from './sql/ordersTable'

/**
 * Minor units of an order that pay for creator content: the sum of the line totals (after line
 * discounts) whose product sells a course, series or content item (`commerce.creatorContent`,
 * which lms implements). 0 when none does (or lms is not installed). Billing takes the platform
 * fee on at most what the payment carries.
 */
export const orderContentAmount = async (req: PayloadRequest, tenant: string, order: string): Promise<number> => {
  const l = orderLinesTable(req)
  const lines = await runSql<{ product_id: string | null; total: number }>(
    req,
    sql`SELECT ${l.product} AS product_id, ${l.total} AS total FROM ${l.$table} WHERE ${l.parent} = ${order} AND ${l.product} IS NOT NULL`,
  )
  if (lines.length === 0) return 0
  const { products } = await callPort(req, creatorContentPort, {
    tenant,
    products: [...new Set(lines.map((line) => String(line.product_id)))],
  })
  const content = new Set(products)
  return lines.reduce((sum, line) => (content.has(String(line.product_id)) ? sum + Number(line.total) : sum), 0)
}
