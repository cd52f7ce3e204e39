import type { PayloadRequest } from 'payload'
import { hasCollection } from '@/core'
import type { ContentPlanInput, ContentPlanResult } from '@plugins/billing/contract'

/**
 * lms's answer to billing's `billing.contentPlan`: a plan of `tenant` whose content rules (the `lms`
 * group lms adds to membership plans) open the full catalog, a category, a course or a content item
 * is a content tier — its payments are creator sales, on which the platform takes its fee.
 */
export const contentPlan = async (req: PayloadRequest, input: ContentPlanInput): Promise<ContentPlanResult> => {
  if (!hasCollection(req.payload, 'membership-plans')) return { content: false }
  const found = await req.payload.find({
    collection: 'membership-plans',
    where: { and: [{ id: { equals: input.plan } }, { tenant: { equals: input.tenant } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    req,
  })
  const lms = found.docs[0]?.lms
  return {
    content: Boolean(
      lms &&
      (lms.fullCatalog ||
        (lms.categories?.length ?? 0) > 0 ||
        (lms.courses?.length ?? 0) > 0 ||
        (lms.contentItems?.length ?? 0) > 0),
    ),
  }
}
