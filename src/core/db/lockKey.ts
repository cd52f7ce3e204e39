import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from './sqlFor'

/**
 * Serialises work on one key (a Stripe object, a member's credits, a guest's e-mail) until the
 * request's transaction ends: `pg_advisory_xact_lock` on a 64-bit hash of the key.
 */
export const lockKey = async (req: Pick<PayloadRequest, 'payload' | 'transactionID'>, key: string): Promise<void> => {
  await runSql(req, sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`)
}
