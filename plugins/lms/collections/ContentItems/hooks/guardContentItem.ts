import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError } from '@/core'

/** A purchased_only item has a price; a published written item has a body; `publishedAt` is set on first publication. */
export const guardContentItem: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const visibility = data.visibility ?? originalDoc?.visibility
  const price = data.price ?? originalDoc?.price
  if (visibility === 'purchased_only' && !(price?.amount > 0 && price?.currency))
    throw new OperationError(400, 'price_required', 'A purchased_only item needs a price (amount and currency).')
  if (data._status === 'published') {
    const contentType = data.contentType ?? originalDoc?.contentType
    if (contentType === 'written' && !(data.body ?? originalDoc?.body))
      throw new OperationError(400, 'body_required', 'A written item needs a body before publishing.')
    data.publishedAt ??= originalDoc?.publishedAt ?? new Date().toISOString()
  }
  return data
}
