import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { orderLinesTable, ordersTable } from './sql/ordersTable'
import { productsTable } from './sql/productsTable'

/**
 * Puts every line's quantity of an order back on the shelf, once (`restockedAt` is set by a
 * conditional UPDATE first; untracked stock stays untracked). Returns whether it restocked now.
 */
export const restockOrder = async (req: PayloadRequest, order: string): Promise<boolean> => {
  const o = ordersTable(req)
  const l = orderLinesTable(req)
  const p = productsTable(req)
  const marked = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${o.$table} SET ${o.restockedAt} = now() WHERE ${o.id} = ${order} AND ${o.restockedAt} IS NULL RETURNING ${o.id} AS id`,
  )
  if (marked.length === 0) return false
  const lines = await runSql<{ product_id: string; quantity: number }>(
    req,
    sql`SELECT ${l.product} AS product_id, sum(${l.quantity}) AS quantity FROM ${l.$table}
        WHERE ${l.parent} = ${order} AND ${l.product} IS NOT NULL GROUP BY ${l.product} ORDER BY ${l.product}`,
  )
  for (const line of lines) {
    await runSql(
      req,
      sql`UPDATE ${p.$table} SET ${p.stockQuantity} = ${p.stockQuantity} + ${Number(line.quantity)}, ${p.updatedAt} = now()
          WHERE ${p.id} = ${line.product_id} AND ${p.stockQuantity} IS NOT NULL`,
    )
  }
  return true
}
