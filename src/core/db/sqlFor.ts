import { createHash } from 'node:crypto'
import { postgresAdapterOf } from './postgresAdapterOf'
import type { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

export type SQL = ReturnType<typeof sql>

/*
 * THE ONE PLACE THAT READS PAYLOAD'S PRIVATE ADAPTER FIELDS (@payloadcms/db-postgres 3.x, not public API):
 * - `adapter.sessions[transactionID].db`: the Drizzle handle bound to the connection of a transaction
 *   opened by `payload.db.beginTransaction()` / `initTransaction(req)`;
 * - `adapter.drizzle`: the pool's Drizzle handle, when the request has no transaction;
 * - `db.dialect.sqlToQuery` and `db.session.client.query`: the node-postgres client under a Drizzle
 *   handle, for named prepared statements (Drizzle has no named-statement API for raw SQL);
 * - `adapter.sessions[transactionID].resolve`: ends the transaction (COMMIT), for `afterCommit`.
 * sqlFor.int.test.ts fails if an upgrade moves any of them: a statement (plain and prepared) must run
 * on the transaction's connection and roll back with it.
 */
type QueryConfig = { name?: string; text: string; values: unknown[] }
type Executor = {
  execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }>
  dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } }
  session: { client: { query: (config: QueryConfig) => Promise<{ rows: Record<string, unknown>[] }> } }
}

/**
 * The Drizzle handle of the request's transaction (or the pool when there is none), so raw SQL
 * commits or rolls back with the Payload operation around it.
 */
export const sqlFor = async (req: Pick<PayloadRequest, 'payload' | 'transactionID'>): Promise<Executor> => {
  const adapter = postgresAdapterOf(req.payload)
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const session = id ? adapter.sessions?.[String(id)] : undefined
  return (session?.db ?? adapter.drizzle) as unknown as Executor
}

const names = new Map<string, string>()
/** A stable statement name per SQL text (PostgreSQL keeps one plan per name and connection). */
const nameOf = (text: string) => {
  let name = names.get(text)
  if (!name) names.set(text, (name = `atrium_${createHash('sha1').update(text).digest('base64url')}`))
  return name
}

/**
 * Runs one SQL statement inside the request's transaction and returns its rows. `prepared`: a
 * named prepared statement, parsed and planned once per connection — for hot paths whose SQL text
 * comes from a small fixed set of shapes (never for text built from a variable-length list).
 */
export const runSql = async <Row = Record<string, unknown>>(
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  query: SQL,
  options?: { prepared?: boolean },
): Promise<Row[]> => {
  const db = await sqlFor(req)
  if (options?.prepared) {
    const { sql: text, params } = db.dialect.sqlToQuery(query)
    const result = await db.session.client.query({ name: nameOf(text), text, values: params })
    return result.rows as Row[]
  }
  const result = await db.execute(query)
  return result.rows as Row[]
}

/**
 * Runs `effect` once the request's transaction has ended with COMMIT, or at once when the request
 * has no open transaction; never when it rolls back. For in-memory side effects other readers
 * must not see before the data (dropping a cache): a failed COMMIT still runs it, so it must be
 * harmless to run needlessly. Durable side effects go through the jobs queue instead.
 */
export const afterCommit = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  effect: () => void,
): Promise<void> => {
  const adapter = postgresAdapterOf(req.payload)
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const session = id ? adapter.sessions?.[String(id)] : undefined
  if (!session) return effect()
  const commit = session.resolve
  session.resolve = async () => {
    await commit()
    effect()
  }
}
