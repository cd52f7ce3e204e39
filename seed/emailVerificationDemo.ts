import { sql } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'
import { usersTable } from '../src/core/db/kernelTables'
import { runSql } from '../src/core/db/sqlFor'

/**
 * Every demo account (`…@<tenant>.demo`, `admin@atrium.demo`) has a verified e-mail address, so the
 * demo logins buy courses and content at once (new sign-ups get a verification mail). Idempotent:
 * only accounts not yet verified are touched.
 */
export const seedEmailVerificationDemo = async (payload: Payload): Promise<{ created: number }> => {
  const u = usersTable(payload)
  const rows = await runSql<{ id: string }>(
    { payload, transactionID: undefined },
    sql`UPDATE ${u} SET ${u.emailVerifiedAt} = now()
        WHERE ${u.emailVerifiedAt} IS NULL AND ${u.email} LIKE ${'%.demo'} RETURNING ${u.id} AS id`,
  )
  return { created: rows.length }
}
