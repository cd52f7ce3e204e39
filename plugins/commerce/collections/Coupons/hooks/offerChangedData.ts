import type { Coupon } from '@/payload-types'
import type { CouponOfferChanged } from '../../../contract'

/** The `coupon.offer_changed` payload of a coupon; `advertised`: whether it is an offer now. */
export const offerChangedData = (coupon: Coupon, advertised: boolean): CouponOfferChanged => ({
  coupon: String(coupon.id),
  code: coupon.code,
  title: coupon.name?.trim() || null,
  advertised,
  startsAt: coupon.startsAt ?? null,
  endsAt: coupon.expiresAt ?? null,
})
