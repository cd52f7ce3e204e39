import type { PayloadRequest } from 'payload'
import { hasCollection, idOf } from '@/core'
import { grantPurchase } from './grantPurchase'

const DAY = 86_400_000

/**
 * What a paid order bought in lms: each line whose product points at a course or content item
 * (the `lms` group lms adds to commerce's products) becomes a `purchased` grant for the order's
 * member, permanent or for the product's `lms.accessDays`. Reads the order and its products
 * through Payload's API (commerce's event carries totals, not lines). Idempotent.
 */
export const grantsFromOrder = async (req: PayloadRequest, input: { tenant: string; order: string }) => {
  if (!hasCollection(req.payload, 'orders') || !hasCollection(req.payload, 'products')) return []
  const order = await req.payload.findByID({ collection: 'orders', id: input.order, depth: 0, req }).catch(() => null)
  const member = idOf(order?.member)
  if (!order || !member) return []
  const productIds = [
    ...new Set((order.lines ?? []).map((line) => idOf(line.product)).filter((id): id is string => !!id)),
  ]
  if (productIds.length === 0) return []
  const products = await req.payload.find({
    collection: 'products',
    where: { id: { in: productIds } },
    depth: 0,
    limit: productIds.length,
    pagination: false,
    trash: true,
    req,
  })
  const grants: string[] = []
  for (const product of products.docs) {
    const lms = (product as { lms?: { course?: unknown; contentItem?: unknown; accessDays?: number | null } }).lms
    const course = idOf(lms?.course)
    const item = idOf(lms?.contentItem)
    const target = course
      ? { collection: 'courses' as const, id: course }
      : item
        ? { collection: 'content-items' as const, id: item }
        : null
    if (!target) continue
    const days = lms?.accessDays
    const granted = await grantPurchase(req, {
      tenant: input.tenant,
      member,
      target,
      expiresAt: days ? new Date(Date.now() + days * DAY) : null,
      source: { collection: 'orders', id: input.order },
    })
    if (granted) grants.push(granted)
  }
  return grants
}
