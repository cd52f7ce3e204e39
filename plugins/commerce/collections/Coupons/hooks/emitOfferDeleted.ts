import type { CollectionAfterDeleteHook } from 'payload'
import { emit, siteChanged } from '@/core'
import type { Coupon } from '@/payload-types'
import { offerChangedData } from './offerChangedData'

/** An advertised coupon was deleted: `coupon.offer_changed` with `advertised: false`. */
export const emitOfferDeleted: CollectionAfterDeleteHook<Coupon> = async ({ doc, req }) => {
  if (!doc.advertise) return doc
  await emit(req, {
    type: 'coupon.offer_changed',
    tenant: doc.tenant,
    subject: { collection: 'coupons', id: doc.id },
    data: offerChangedData(doc, false),
  })
  siteChanged(doc.tenant, 'pricing') // the pricing page's view of the offer (`/pricing?offer=`)
  return doc
}
