import type { Payload, RequiredDataFromCollectionSlug } from 'payload'
import { callEndpoint } from '../src/core/http/callEndpoint'
import { DEMO_TENANTS, demoEmail } from './demoTenants'

type DemoPlan = RequiredDataFromCollectionSlug<'membership-plans'> & { features: Record<string, string> }

/** Three plans per demo tenant (prices in its currency, minor units) and their entitlements. */
const demoPlans = (currency: string): DemoPlan[] => [
  {
    name: 'Unlimited',
    description: 'Every class, every day.',
    prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 14900, currency, active: true }],
    guestPassesPerPeriod: 1,
    contentAccess: ['vod'],
    features: { classes: 'unlimited', events: 'true' },
  },
  {
    name: '8 classes a month',
    description: 'Eight classes each month, plus two credits for workshops.',
    prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 9900, currency, active: true }],
    creditGrantPerPeriod: 2,
    creditExpiryDays: 31,
    features: { classes: '8' },
  },
  {
    name: 'Annual unlimited',
    description: 'A year of unlimited classes, two months free.',
    prices: [{ key: 'yearly', interval: 'year', intervalCount: 1, amount: 149000, currency, active: true }],
    trialDays: 0,
    guestPassesPerPeriod: 2,
    contentAccess: ['vod'],
    features: { classes: 'unlimited', appointments: '2', events: 'true' },
  },
]

/**
 * Membership plans with their features for every demo tenant, and an active Unlimited
 * subscription for member1 started at the desk (payment, invoice and grants as in production).
 * Adds only what is missing.
 */
export const seedBillingDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!payload.collections['membership-plans']) return { created: 0 } // billing is not installed
  let created = 0
  for (const demo of DEMO_TENANTS) {
    const tenant = (
      await payload.find({ collection: 'tenants', where: { slug: { equals: demo.slug } }, limit: 1, depth: 0 })
    ).docs[0]
    if (!tenant) continue
    let unlimited: string | undefined
    for (const { features, ...plan } of demoPlans(demo.currency)) {
      let doc = (
        await payload.find({
          collection: 'membership-plans',
          where: { and: [{ tenant: { equals: tenant.id } }, { name: { equals: plan.name } }] },
          limit: 1,
          depth: 0,
        })
      ).docs[0]
      if (!doc) {
        doc = await payload.create({
          collection: 'membership-plans',
          data: { tenant: tenant.id, active: true, ...plan },
        })
        created++
        for (const [featureKey, value] of Object.entries(features)) {
          await payload.create({
            collection: 'plan-features',
            data: { tenant: tenant.id, plan: doc.id, featureKey, value },
          })
        }
      }
      if (plan.name === 'Unlimited') unlimited = String(doc.id)
    }
    const desk = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: demoEmail(demo.slug, 'frontdesk') } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    const memberUser = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: demoEmail(demo.slug, 'member1') } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    if (!desk || !memberUser || !unlimited) continue
    const membership = (
      await payload.find({
        collection: 'tenant-memberships',
        where: { and: [{ tenant: { equals: tenant.id } }, { user: { equals: memberUser.id } }] },
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    if (!membership) continue
    const existing = await payload.find({
      collection: 'subscriptions',
      where: { and: [{ member: { equals: membership.id } }, { plan: { equals: unlimited } }] },
      limit: 1,
      depth: 0,
    })
    if (existing.docs.length) continue
    // Billing's public API, as the front desk would: POST /api/subscriptions/manual.
    const started = await callEndpoint(payload, {
      collection: 'subscriptions',
      path: '/manual',
      method: 'post',
      user: { ...desk, collection: 'users' },
      body: {
        tenant: String(tenant.id),
        member: String(membership.id),
        plan: unlimited,
        priceKey: 'monthly',
        payment: { provider: 'terminal' },
      },
    })
    if (!started.ok) throw new Error(`Seeding the demo subscription failed: ${started.status} ${started.body.message}`)
    created++
  }
  return { created }
}
