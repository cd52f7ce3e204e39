import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

/** Serialises work on one Stripe object until the transaction ends (pg_advisory_xact_lock). */
export const lockKey = async (req: PayloadRequest, key: string): Promise<void> => {
  await runSql(req, sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`)
}
