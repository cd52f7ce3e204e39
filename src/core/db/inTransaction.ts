import type { PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

/**
 * Runs `work` inside the request's transaction, opening one when the request has none (custom
 * endpoint handlers get none of their own): everything commits together or nothing is written.
 * Only the call that opened the transaction commits it or rolls it back; a nested call joins.
 */
export const inTransaction = async <T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> => {
  const started = await initTransaction(req)
  try {
    const result = await work()
    if (started) await commitTransaction(req)
    return result
  } catch (error) {
    if (started) await killTransaction(req)
    throw error
  }
}
