import type { CollectionAfterChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { webhookEndpointsTable } from '../../../operations/sql/webhookSqlTables'

/** Switching a disabled endpoint back on clears its failure count (system fields, so in SQL). */
export const resetFailuresOnEnable: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !doc.isEnabled || previousDoc?.isEnabled !== false) return doc
  const e = webhookEndpointsTable(req)
  await runSql(
    req,
    sql`UPDATE ${e} SET ${e.consecutiveFailures} = 0, ${e.disabledAt} = NULL WHERE ${e.id} = ${String(doc.id)}`,
  )
  return { ...doc, consecutiveFailures: 0, disabledAt: null }
}
