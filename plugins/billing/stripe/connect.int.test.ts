import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { billingStore } from '../testing/billingStore'
import { useFakeStripe } from '@/core/testing/useFakeStripe'

const app = useTestApp()
const fake = useFakeStripe('whsec_connect')

describe('Stripe Connect onboarding', () => {
  it('creates the tenant account once, answers onboarding links until Stripe enables charges, then connects the tenant; only owners/admins may', async () => {
    const store = await billingStore(app)
    const member = await store.person(['member'])
    const connection = async () =>
      store.q<{ status: string; account: string }>(
        sql`SELECT status, config->>'accountId' AS account FROM integration_connections WHERE tenant_id = ${store.tenant} AND provider = 'stripe'`,
      )

    expect((await store.desk.client.post('/api/billing/stripe/connect', { tenant: store.tenant })).status).toBe(403)
    expect((await member.client.post('/api/billing/stripe/connect', { tenant: store.tenant })).status).toBe(403)
    expect((await store.owner.client.post('/api/billing/stripe/connect', {})).status).toBe(400)
    expect(fake.requests.filter((r) => r.path.startsWith('/v1/account'))).toHaveLength(0)

    const first = await store.owner.client.post('/api/billing/stripe/connect', { tenant: store.tenant })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ status: 'onboarding' })
    expect(first.body.account).toMatch(/^acct_/)
    expect(first.body.url).toMatch(new RegExp(`^https://connect\\.stripe\\.test/setup/${first.body.account}/`))
    expect(await connection()).toEqual([{ status: 'disconnected', account: first.body.account }])
    const created = fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/accounts')
    expect(created).toHaveLength(1)
    expect(created[0]).toMatchObject({
      account: null,
      idempotencyKey: `atrium:connect:${store.tenant}`,
      params: { metadata: { tenant: store.tenant } },
    })
    const link = fake.requests.find((r) => r.path === '/v1/account_links')!
    expect(link.params).toMatchObject({ account: first.body.account, type: 'account_onboarding' })
    expect(String(link.params.return_url)).toContain('/admin?stripe=return')

    // Not finished yet: the same account, a new link, still no online payments.
    const again = await store.owner.client.post('/api/billing/stripe/connect', { tenant: store.tenant })
    expect(again.body).toMatchObject({ account: first.body.account, status: 'onboarding' })
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/accounts')).toHaveLength(1)
    const plan = await store.plan({})
    expect(
      (await member.client.post('/api/billing/checkout', { kind: 'plan', plan: plan.id, priceKey: 'monthly' })).body
        .error,
    ).toBe('stripe_not_configured')

    fake.completeOnboarding(first.body.account)
    const done = await store.owner.client.post('/api/billing/stripe/connect', { tenant: store.tenant })
    expect(done.body).toEqual({ account: first.body.account, status: 'connected', url: null })
    expect(await connection()).toEqual([{ status: 'connected', account: first.body.account }])
    const checkout = await member.client.post('/api/billing/checkout', {
      kind: 'plan',
      plan: plan.id,
      priceKey: 'monthly',
    })
    expect(checkout.status).toBe(201)
    expect(fake.requests.find((r) => r.path === '/v1/checkout/sessions')!.account).toBe(first.body.account)
    fake.clearRequests()
    expect((await store.owner.client.post('/api/billing/stripe/connect', { tenant: store.tenant })).body.status).toBe(
      'connected',
    )
    expect(fake.requests).toHaveLength(0)
  })
})
