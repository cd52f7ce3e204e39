import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

/**
 * Locks a provider's/instructor's membership row until commit. Every write that gives that person
 * a class or an appointment takes this lock first, so overlap checks cannot race each other.
 */
export const lockProvider = async (req: PayloadRequest, membership: string): Promise<void> => {
  await runSql(req, sql`SELECT id FROM tenant_memberships WHERE id = ${membership} FOR NO KEY UPDATE`)
}
