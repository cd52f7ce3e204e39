import type { PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import type { SQL } from './sqlFor'

type Sessions = { sessions?: Record<string, { db?: { execute: (query: SQL) => Promise<unknown> } } | undefined> }

/** COMMIT on the transaction's own connection; nothing when the adapter keeps no session for it. */
const commitOnConnection = async (req: PayloadRequest) => {
  const id = req.transactionID instanceof Promise ? await req.transactionID : req.transactionID
  const session = id ? (req.payload.db as Sessions).sessions?.[String(id)] : undefined
  if (session?.db) await session.db.execute(sql`COMMIT`)
}

/**
 * Runs `work` inside the request's transaction, opening one when the request has none (custom
 * endpoint handlers get none of their own): everything commits together or nothing is written.
 * Only the call that opened the transaction commits it or rolls it back; a nested call joins.
 *
 * The COMMIT is sent here, on the transaction's connection, before Payload ends its session:
 * Payload's `commitTransaction` swallows a failed COMMIT (the database went away at that moment,
 * a deferred check failed), so the caller would answer success for work that was never written.
 * A failed COMMIT throws instead (503 while the database is away); Payload's own COMMIT after it
 * is then a no-op with a warning.
 */
export const inTransaction = async <T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> => {
  const started = await initTransaction(req)
  try {
    const result = await work()
    if (started) {
      await commitOnConnection(req)
      await commitTransaction(req)
    }
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}
