import type { CollectionAfterChangeHook } from 'payload'
import { emit, siteChanged } from '@/core'
import type { Coupon } from '@/payload-types'
import { offerChangedData } from './offerChangedData'

/**
 * A coupon that is or was advertised was saved: `coupon.offer_changed` in the request's transaction
 * (advertised = marked `advertise` and active). Coupons never advertised emit nothing.
 */
export const emitOfferChanged: CollectionAfterChangeHook<Coupon> = async ({ doc, previousDoc, operation, req }) => {
  const was = operation === 'update' && Boolean(previousDoc?.advertise)
  if (!doc.advertise && !was) return doc
  await emit(req, {
    type: 'coupon.offer_changed',
    tenant: doc.tenant,
    subject: { collection: 'coupons', id: doc.id },
    data: offerChangedData(doc, Boolean(doc.advertise) && doc.active !== false),
  })
  siteChanged(doc.tenant, 'pricing') // the pricing page's view of the offer (`/pricing?offer=`)
  return doc
}
