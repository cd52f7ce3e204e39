import type { PayloadRequest } from 'payload'
import { hasCollection } from '@/core'
import type { CreatorContentInput, CreatorContentResult } from '@plugins/commerce/contract'

/**
 * lms's answer to commerce's `commerce.creatorContent`: of `products`, those of `tenant` whose
 * `lms` group sells a course (or series) or a content item — the creator sales the platform takes
 * its fee on. A system read inside commerce's order (one query; products are public anyway).
 */
export const creatorContent = async (
  req: PayloadRequest,
  input: CreatorContentInput,
): Promise<CreatorContentResult> => {
  if (input.products.length === 0 || !hasCollection(req.payload, 'products')) return { products: [] }
  const found = await req.payload.find({
    collection: 'products',
    where: {
      and: [
        { id: { in: input.products } },
        { tenant: { equals: input.tenant } },
        { or: [{ 'lms.course': { exists: true } }, { 'lms.contentItem': { exists: true } }] },
      ],
    },
    depth: 0,
    limit: input.products.length,
    pagination: false,
    trash: true,
    select: {},
    req,
  })
  return { products: found.docs.map((doc) => String(doc.id)) }
}
