import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'

export type SQL = ReturnType<typeof sql>

type Executor = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }

/**
 * The Drizzle handle of the request's transaction (or the pool when there is none), so raw SQL
 * commits or rolls back with the Payload operation around it.
 */
export const sqlFor = async (req: Pick<PayloadRequest, 'payload' | 'transactionID'>): Promise<Executor> => {
  const adapter = req.payload.db as unknown as PostgresAdapter
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const session = id ? adapter.sessions?.[String(id)] : undefined
  return (session?.db ?? adapter.drizzle) as unknown as Executor
}

/** Runs one SQL statement inside the request's transaction and returns its rows. */
export const runSql = async <Row = Record<string, unknown>>(
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  query: SQL,
): Promise<Row[]> => {
  const db = await sqlFor(req)
  const result = await db.execute(query)
  return result.rows as Row[]
}
