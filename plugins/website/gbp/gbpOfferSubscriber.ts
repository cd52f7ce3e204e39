import type { Subscriber } from '@/core'
import { queueGbpSync } from './queueGbpSync'

/**
 * commerce's `coupon.offer_changed` (an advertised coupon created, changed, disabled, no longer
 * advertised or deleted): queues the sync of its OFFER posts, which reads the offer's current state
 * (`advertisedOfferPort`), so events in any order end in the same posts. Nothing without a
 * connected Business Profile; without commerce the event never arrives.
 */
export const gbpOfferSubscriber: Subscriber<'coupon.offer_changed'> = {
  name: 'website.gbpOffer',
  event: 'coupon.offer_changed',
  handler: async (event, { req }) => {
    await queueGbpSync(req, { tenant: event.tenant, kind: 'offer', id: event.data.coupon })
  },
}
