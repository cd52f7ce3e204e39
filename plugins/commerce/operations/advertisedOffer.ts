import type { PayloadRequest } from 'payload'
import type { Coupon } from '@/payload-types'
import type { AdvertisedOffer } from '@plugins/website/contract'

/**
 * The website's `advertisedOfferPort`: a coupon of the tenant as the offer it advertises now, or
 * null (unknown, another tenant's, not marked `advertise`, inactive, without name or dates, or used
 * up). Automatic discounts carry no code. Read with the database adapter (a system read: the sync
 * job has no user).
 */
export const advertisedOffer = async (
  req: PayloadRequest,
  input: { tenant: string; id: string },
): Promise<AdvertisedOffer | null> => {
  const coupon = await req.payload.db.findOne<Coupon>({
    collection: 'coupons',
    where: { and: [{ id: { equals: input.id } }, { tenant: { equals: input.tenant } }] },
    req,
  })
  if (!coupon?.advertise || coupon.active === false) return null
  const title = coupon.name?.trim()
  if (!title || !coupon.startsAt || !coupon.expiresAt) return null
  if (coupon.maxUses != null && (coupon.usesCount ?? 0) >= coupon.maxUses) return null
  return {
    title,
    description: coupon.offerDescription?.trim() || null,
    terms: coupon.offerTerms?.trim() || null,
    couponCode: coupon.mode === 'automatic' ? null : coupon.code,
    startsAt: coupon.startsAt,
    endsAt: coupon.expiresAt,
  }
}
