import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import { DEMO_TENANTS } from './demoTenants'

/** What every demo tenant sells at the desk (prices in the tenant's currency, minor units). */
const demoProducts = (currency: string): RequiredDataFromCollectionSlug<'products'>[] => [
  {
    slug: 'five-class-pack',
    name: '5-class pack',
    kind: 'credit_pack',
    price: { amount: 8500, currency },
    pack: { credits: 5, creditType: 'class', validityDays: 90 },
  },
  {
    slug: 'ten-class-pack',
    name: '10-class pack',
    kind: 'credit_pack',
    price: { amount: 15000, currency },
    pack: { credits: 10, creditType: 'class', validityDays: 180 },
  },
  { slug: 'day-pass', name: 'Day pass', kind: 'day_pass', price: { amount: 2500, currency } },
  { slug: 'water-bottle', name: 'Water bottle', kind: 'retail', price: { amount: 1800, currency }, stockQuantity: 24 },
  { slug: 'gift-card-50', name: 'Gift card 50', kind: 'gift_card', price: { amount: 5000, currency } },
]

/** Products for the POS (packs, a day pass, stocked retail, a gift card) and a WELCOME10 coupon per demo tenant; adds only what is missing. */
export const seedCommerceDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!payload.collections['products']) return { created: 0 } // commerce is not installed
  let created = 0
  for (const demo of DEMO_TENANTS) {
    const tenant = (
      await payload.find({ collection: 'tenants', where: { slug: { equals: demo.slug } }, limit: 1, depth: 0 })
    ).docs[0]
    if (!tenant) continue
    for (const product of demoProducts(demo.currency)) {
      const exists = await payload.find({
        collection: 'products',
        where: { and: [{ tenant: { equals: tenant.id } }, { slug: { equals: product.slug } }] },
        limit: 1,
        depth: 0,
      })
      if (exists.docs.length) continue
      await payload.create({
        collection: 'products',
        data: { tenant: tenant.id, isActive: true, ...product },
      })
      created++
    }
    const coupon = await payload.find({
      collection: 'coupons',
      where: { and: [{ tenant: { equals: tenant.id } }, { code: { equals: 'WELCOME10' } }] },
      limit: 1,
      depth: 0,
    })
    if (!coupon.docs.length) {
      await payload.create({
        collection: 'coupons',
        data: {
          tenant: tenant.id,
          code: 'WELCOME10',
          name: 'Welcome 10%',
          mode: 'code',
          type: 'percent',
          value: 10,
          maxUses: 500,
          perMemberLimit: 1,
        },
      })
      created++
    }
  }
  return { created }
}
