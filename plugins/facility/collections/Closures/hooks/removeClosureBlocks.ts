import type { CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { availabilityBlocksTable } from '../../../operations/sql/availabilityBlocksTable'

/** Deleting a closure removes its availability blocks first (their link to it would be nulled) (its cancelled reservations stay cancelled). */
export const removeClosureBlocks: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const b = availabilityBlocksTable(req)
  await runSql(req, sql`DELETE FROM ${b.$table} WHERE ${b.closure} = ${String(id)}`)
}
