import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable } from '@/core'

/**
 * Locks a provider's/instructor's membership row until commit. Every write that gives that person
 * a class or an appointment takes this lock first, so overlap checks cannot race each other.
 */
export const lockProvider = async (req: PayloadRequest, membership: string): Promise<void> => {
  const m = tenantMembershipsTable(req)
  await runSql(req, sql`SELECT ${m.id} FROM ${m.$table} WHERE ${m.id} = ${membership} FOR NO KEY UPDATE`)
}
