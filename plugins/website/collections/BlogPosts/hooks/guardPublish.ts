import type { CollectionBeforeChangeHook } from 'payload'
import { idOf } from '@/core'
import { assertPublishable, type PublishPolicy } from '../../../operations/assertPublishable'

/**
 * Publishing (the admin's Publish, `_status: 'published'` through the API, a scheduled publish or an
 * auto-published generated draft) goes through the weekly cap and the near-duplicate check
 * (`assertPublishable`); a first publication gets its `publishedAt` and counts as approved.
 */
export const guardPublish =
  (policy: PublishPolicy): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, context }) => {
    if (data._status !== 'published') return data
    const tenant = idOf(data.tenant ?? originalDoc?.tenant)
    if (!tenant) return data
    const firstPublication = !originalDoc?.publishedAt || originalDoc?._status !== 'published'
    const countsAgainstCap = !originalDoc?.publishedAt
    const now = new Date()
    await assertPublishable(
      req,
      {
        id: originalDoc?.id ? String(originalDoc.id) : null,
        tenant,
        fingerprint: Array.isArray(data.fingerprint) ? data.fingerprint : [],
        firstPublication: countsAgainstCap,
        now,
      },
      policy,
    )
    data.publishedAt = data.publishedAt ?? originalDoc?.publishedAt ?? now.toISOString()
    if ((data.reviewStatus ?? originalDoc?.reviewStatus) !== 'approved') data.reviewStatus = 'approved'
    context.websitePublished = { firstPublication }
    return data
  }
