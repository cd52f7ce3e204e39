import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, requireDeskRole, runSql } from '@/core'
import { ordersTable } from './sql/ordersTable'

/** The tenant of an order desk staff act on; anyone else gets 404 (it does not exist for them). */
export const deskOrder = async (req: PayloadRequest, id: string): Promise<string> => {
  const o = ordersTable(req)
  const [found] = await runSql<{ tenant_id: string }>(
    req,
    sql`SELECT ${o.tenant} AS tenant_id FROM ${o.$table} WHERE ${o.id} = ${id}`,
  )
  if (!found) throw new OperationError(404, 'not_found', 'Order not found.')
  try {
    requireDeskRole(req, String(found.tenant_id))
  } catch (error) {
    if (error instanceof OperationError && error.status === 403)
      throw new OperationError(404, 'not_found', 'Order not found.')
    throw error
  }
  return String(found.tenant_id)
}
