import type { CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { webhookDeliveriesTable } from '../../../operations/sql/webhookSqlTables'

/** An endpoint's delivery log goes with it (same transaction). */
export const deleteDeliveries: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const d = webhookDeliveriesTable(req)
  await runSql(req, sql`DELETE FROM ${d} WHERE ${d.endpoint} = ${String(id)}`)
}
