import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

/**
 * Puts every line's quantity of an order back on the shelf, once (`restockedAt` is set by a
 * conditional UPDATE first; untracked stock stays untracked). Returns whether it restocked now.
 */
export const restockOrder = async (req: PayloadRequest, order: string): Promise<boolean> => {
  const marked = await runSql(
    req,
    sql`UPDATE orders SET restocked_at = now() WHERE id = ${order} AND restocked_at IS NULL RETURNING id`,
  )
  if (marked.length === 0) return false
  const lines = await runSql<{ product_id: string; quantity: number }>(
    req,
    sql`SELECT product_id, sum(quantity) AS quantity FROM orders_lines WHERE _parent_id = ${order} AND product_id IS NOT NULL GROUP BY product_id ORDER BY product_id`,
  )
  for (const line of lines) {
    await runSql(
      req,
      sql`UPDATE products SET stock_quantity = stock_quantity + ${Number(line.quantity)}, updated_at = now() WHERE id = ${line.product_id} AND stock_quantity IS NOT NULL`,
    )
  }
  return true
}
