import type { CollectionSlug, PayloadRequest } from 'payload'
import { idOf } from '@/core'

/**
 * The payment recorded for an order, or null. `orders.payment` points at a payments plugin's
 * collection and exists only when one is installed (see index.ts), so it is read through the
 * adapter rather than by column name.
 */
export const orderPaymentId = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  order: string,
): Promise<string | null> => {
  const doc = await req.payload.db.findOne<{ id: string; payment?: unknown }>({
    collection: 'orders' as CollectionSlug,
    where: { id: { equals: order } },
    req: req as PayloadRequest,
  })
  return idOf(doc?.payment) ?? null
}
