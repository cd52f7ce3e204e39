import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

const isPostgres = (db: Payload['db']): db is Payload['db'] & PostgresAdapter => 'pool' in db && 'drizzle' in db

/** Payload's database adapter as the PostgreSQL adapter it is (pool, Drizzle handle, transaction sessions). */
export const postgresAdapterOf = (payload: Pick<Payload, 'db'>): PostgresAdapter => {
  if (!isPostgres(payload.db)) throw new Error(`Atrium needs the PostgreSQL adapter, not ${payload.db.name}.`)
  return payload.db
}
