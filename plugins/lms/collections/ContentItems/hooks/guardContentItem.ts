import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError, idOf } from '@/core'
import { mediaStatuses } from '../../../operations/mediaReadiness'

/**
 * A purchased_only item has a price; a published written item has a body; a published video or
 * audio item's media is `ready` (400 `media_not_ready` naming the status while it is uploading,
 * transcoding or failed: drafts still save); `publishedAt` is set on first publication.
 */
export const guardContentItem: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const visibility = data.visibility ?? originalDoc?.visibility
  const price = data.price ?? originalDoc?.price
  if (visibility === 'purchased_only' && !(price?.amount > 0 && price?.currency))
    throw new OperationError(400, 'price_required', 'A purchased_only item needs a price (amount and currency).')
  if (data._status === 'published') {
    const contentType = data.contentType ?? originalDoc?.contentType
    if (contentType === 'written' && !(data.body ?? originalDoc?.body))
      throw new OperationError(400, 'body_required', 'A written item needs a body before publishing.')
    // ---- media ready ----
    const media = idOf(data.media !== undefined ? data.media : originalDoc?.media)
    if ((contentType === 'video' || contentType === 'audio') && media) {
      const status = (await mediaStatuses(req, [media])).get(media) ?? 'missing'
      if (status !== 'ready')
        throw new OperationError(
          400,
          'media_not_ready',
          status === 'failed'
            ? `The ${contentType} failed to process (media status: failed); upload it again before publishing. You can save a draft meanwhile.`
            : `The ${contentType} is not ready yet (media status: ${status}); publish once it has finished processing. You can save a draft meanwhile.`,
        )
    }
    // ---- /media ready ----
    data.publishedAt ??= originalDoc?.publishedAt ?? new Date().toISOString()
  }
  return data
}
