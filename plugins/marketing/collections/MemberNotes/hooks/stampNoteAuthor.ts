import type { CollectionBeforeChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, runSql, tenantMembershipsTable } from '@/core'

/**
 * The author is the signed-in person's membership of the note's tenant, set on create and never
 * changed afterwards (system writes without a user may name one).
 */
export const stampNoteAuthor: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  if (operation === 'update') {
    data.author = idOf(originalDoc?.author) ?? null
    return data
  }
  if (!req.user || req.user.collection !== 'users') return data
  const m = tenantMembershipsTable(req)
  const [row] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m.$table} WHERE ${m.tenant} = ${idOf(data.tenant)} AND ${m.user} = ${String(req.user.id)} LIMIT 1`,
  )
  data.author = row?.id ?? null
  return data
}
