import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { getEnv, runSql } from '@/core'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import { commerceStore, type Store } from './testing/commerceStore'

const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

/** Everything a sale writes in a tenant, to prove a quote writes none of it. */
const footprint = async (tenant: string, ids: { mat: string; coupon: string; giftCode: string }) => {
  const [row] = await q<Record<string, string>>(sql`
    SELECT (SELECT count(*) FROM orders WHERE tenant_id = ${tenant}) AS orders,
           (SELECT count(*) FROM payments WHERE tenant_id = ${tenant}) AS payments,
           (SELECT count(*) FROM coupon_redemptions WHERE tenant_id = ${tenant}) AS redemptions,
           (SELECT count(*) FROM credit_lots WHERE tenant_id = ${tenant}) AS lots,
           (SELECT count(*) FROM gift_card_transactions WHERE tenant_id = ${tenant}) AS gift_transactions,
           (SELECT count(*) FROM audit_logs WHERE tenant_id = ${tenant}) AS audits,
           (SELECT count(*) FROM payload_jobs) AS jobs,
           (SELECT stock_quantity FROM products WHERE id = ${ids.mat}) AS stock,
           (SELECT uses_count FROM coupons WHERE id = ${ids.coupon}) AS coupon_uses,
           (SELECT current_balance FROM gift_cards WHERE tenant_id = ${tenant} AND code = ${ids.giftCode}) AS gift_balance`)
  return row
}

/** A store with a stocked mat, a 5-credit pack, a one-use 10% coupon and a $20 gift card. */
const till = async () => {
  const store = await commerceStore(app)
  const mat = await store.product({ name: 'Cork mat', price: { amount: 2500, currency: 'USD' }, stockQuantity: 3 })
  const pack = await store.product({
    name: 'Five classes',
    kind: 'credit_pack',
    price: { amount: 6000, currency: 'USD' },
    pack: { credits: 5, creditType: 'class', validityDays: 90 },
  })
  const card = await store.product({
    name: 'Gift card $20',
    kind: 'gift_card',
    price: { amount: 2000, currency: 'USD' },
  })
  const coupon = await store.owner.client.post('/api/coupons', {
    tenant: store.tenant,
    code: 'ONCE10',
    type: 'percent',
    value: 10,
    maxUses: 1,
  })
  expect(coupon.status).toBe(201)
  const sold = await store.desk.client.post('/api/orders/checkout', {
    tenant: store.tenant,
    lines: [{ product: card.id, quantity: 1 }],
    payment: { provider: 'cash' },
  })
  expect(sold.status).toBe(201)
  const giftCode = sold.body.giftCards[0].code as string
  return { store, mat, pack, coupon: coupon.body.doc as { id: string }, giftCode }
}

/** Desk staff of a fresh tenant (one login: the per-IP login limit is 20 a minute). */
const strangerDesk = async () => {
  const tenant = String((await createTenant(app.payload)).id)
  const { user } = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
  return { tenant, desk: { client: (await signIn(app, user.email)).client } }
}

const cart = (store: Store, mat: { id: string }, pack: { id: string }, giftCode: string) => ({
  tenant: store.tenant,
  member: store.member.membershipId,
  lines: [
    { product: mat.id, quantity: 2 },
    { product: pack.id, quantity: 1 },
  ],
  couponCode: 'ONCE10',
  giftCard: { code: giftCode, amount: 2000 },
})

describe('POST /api/orders/quote', () => {
  it('prices the cart exactly as checkout then charges it, and writes nothing (not even under 20 concurrent quotes on a one-use coupon)', async () => {
    const { store, mat, pack, coupon, giftCode } = await till()
    const ids = { mat: mat.id, coupon: coupon.id, giftCode }
    const before = await footprint(store.tenant, ids)

    const quotes = await Promise.all(
      Array.from({ length: 20 }, () => store.desk.client.post('/api/orders/quote', cart(store, mat, pack, giftCode))),
    )
    expect(quotes.map((r) => r.status)).toEqual(Array(20).fill(200))
    // 2 × 2500 + 6000 = 11000; 10% = 1100; gift card 2000 → 7900 due.
    const quote = quotes[0].body.quote
    expect(quote).toMatchObject({
      currency: 'USD',
      subtotal: 11000,
      discountTotal: 1100,
      giftCardApplied: 2000,
      tax: 0,
      total: 7900,
    })
    expect(quote.lines).toEqual([
      { product: mat.id, name: 'Cork mat', kind: 'product', quantity: 2, unitPrice: 2500, discount: 500, total: 5000 },
      {
        product: pack.id,
        name: 'Five classes',
        kind: 'credit_pack',
        quantity: 1,
        unitPrice: 6000,
        discount: 600,
        total: 6000,
      },
    ])
    expect(quotes.every((r) => JSON.stringify(r.body.quote) === JSON.stringify(quote))).toBe(true)
    expect(await footprint(store.tenant, ids)).toEqual(before)

    const sale = await store.desk.client.post('/api/orders/checkout', {
      ...cart(store, mat, pack, giftCode),
      payment: { provider: 'cash' },
    })
    expect(sale.status).toBe(201)
    expect(sale.body.order).toMatchObject({
      subtotal: quote.subtotal,
      discountTotal: quote.discountTotal,
      giftCardApplied: quote.giftCardApplied,
      tax: quote.tax,
      total: quote.total,
    })
    const after = await footprint(store.tenant, ids)
    expect(Number(after.orders)).toBe(Number(before.orders) + 1)
    expect(Number(after.stock)).toBe(1)
    expect(Number(after.coupon_uses)).toBe(1)
    expect(Number(after.gift_balance)).toBe(0)
    expect(Number(after.lots)).toBe(Number(before.lots) + 1)
    console.info(
      `[pos] 20 concurrent quotes → 20 × 200, coupon uses ${before.coupon_uses} → ${before.coupon_uses}; then 1 checkout → uses ${after.coupon_uses}`,
    )

    // The coupon's one use is gone: the quote now answers checkout's refusal, still writing nothing.
    const again = await store.desk.client.post('/api/orders/quote', {
      tenant: store.tenant,
      member: store.member.membershipId,
      lines: [{ product: mat.id, quantity: 1 }],
      couponCode: 'ONCE10',
    })
    expect(again.status).toBe(409)
    expect(again.body.error).toBe('coupon_exhausted')
    expect(await footprint(store.tenant, ids)).toEqual(after)
  })

  it("answers checkout's refusals: stock, member for a pack, bad input, strangers", async () => {
    const { store, mat, pack } = await till()
    const outOfStock = await store.desk.client.post('/api/orders/quote', {
      tenant: store.tenant,
      lines: [{ product: mat.id, quantity: 4 }],
    })
    expect(outOfStock.status).toBe(409)
    expect(outOfStock.body).toMatchObject({ error: 'out_of_stock', message: 'Only 3 of Cork mat left.' })
    const walkInPack = await store.desk.client.post('/api/orders/quote', {
      tenant: store.tenant,
      lines: [{ product: pack.id, quantity: 1 }],
    })
    expect(walkInPack.status).toBe(400)
    expect(walkInPack.body.error).toBe('member_required')
    const empty = await store.desk.client.post('/api/orders/quote', { tenant: store.tenant, lines: [] })
    expect(empty.status).toBe(400)
    expect(empty.body.error).toBe('invalid_input')
    expect(
      (await app.http().post('/api/orders/quote', { tenant: store.tenant, lines: [{ product: mat.id, quantity: 1 }] }))
        .status,
    ).toBe(401)
    expect(
      (
        await store.member.client.post('/api/orders/quote', {
          tenant: store.tenant,
          lines: [{ product: mat.id, quantity: 1 }],
        })
      ).status,
    ).toBe(403)
    const other = await strangerDesk()
    expect(
      (
        await other.desk.client.post('/api/orders/quote', {
          tenant: store.tenant,
          lines: [{ product: mat.id, quantity: 1 }],
        })
      ).status,
    ).toBe(403)
    const foreign = await other.desk.client.post('/api/orders/quote', {
      tenant: other.tenant,
      lines: [{ product: mat.id, quantity: 1 }],
    })
    expect(foreign.status).toBe(400)
    expect(foreign.body.error).toBe('unknown_product')
    const [row] = await q<{ stock_quantity: string }>(sql`SELECT stock_quantity FROM products WHERE id = ${mat.id}`)
    expect(Number(row.stock_quantity)).toBe(3)
  })
})

const mailDir = () => path.join(getEnv().dataDir, 'mail')
const mailsTo = async (to: string) => {
  const files = await readdir(mailDir()).catch(() => [] as string[])
  const mails = await Promise.all(
    files.map(
      async (file) =>
        JSON.parse(await readFile(path.join(mailDir(), file), 'utf8')) as {
          to: string
          subject: string
          text: string
          html: string
        },
    ),
  )
  return mails.filter((mail) => mail.to === to)
}

describe('POST /api/orders/:id/receipt', () => {
  it('queues the receipt and the job sends it through the e-mail adapter, to the given address or the member', async () => {
    const { store, mat, pack } = await till()
    const sale = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      member: store.member.membershipId,
      lines: [
        { product: mat.id, quantity: 1 },
        { product: pack.id, quantity: 1 },
      ],
      tax: 100,
      payment: { provider: 'terminal' },
    })
    expect(sale.status).toBe(201)
    const order = sale.body.order as { id: string; number: string }
    const to = `receipt-${order.number.toLowerCase()}@example.test`

    const queued = await store.desk.client.post(`/api/orders/${order.id}/receipt`, { email: to })
    expect(queued.status).toBe(202)
    expect(queued.body).toEqual({ queued: true, to })
    expect(await mailsTo(to)).toHaveLength(0) // nothing leaves before the job runs
    await app.payload.jobs.run({ limit: 100 })
    const [mail] = await mailsTo(to)
    expect(mail.subject).toBe(
      `Your receipt from ${(await app.payload.findByID({ collection: 'tenants', id: store.tenant })).name} (order ${order.number})`,
    )
    expect(mail.text).toContain('1 × Cork mat @ $25.00: $25.00')
    expect(mail.text).toContain('1 × Five classes @ $60.00: $60.00')
    expect(mail.text).toContain('Tax: $1.00')
    expect(mail.text).toContain('Paid: $86.00')
    expect(mail.html).toContain('<td>Paid</td>')

    // Without an address it goes to the member's own e-mail.
    const memberEmail = (await app.payload.findByID({ collection: 'users', id: store.member.userId })).email
    const toMember = await store.desk.client.post(`/api/orders/${order.id}/receipt`)
    expect(toMember.body).toEqual({ queued: true, to: memberEmail })
    await app.payload.jobs.run({ limit: 100 })
    expect((await mailsTo(memberEmail)).map((m) => m.subject)).toEqual([mail.subject])
  })

  it('refuses strangers, unknown orders, bad addresses and walk-in orders without one', async () => {
    const { store, mat } = await till()
    const walkIn = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      lines: [{ product: mat.id, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    const id = walkIn.body.order.id as string
    const noRecipient = await store.desk.client.post(`/api/orders/${id}/receipt`)
    expect(noRecipient.status).toBe(400)
    expect(noRecipient.body.error).toBe('no_recipient')
    const bad = await store.desk.client.post(`/api/orders/${id}/receipt`, { email: 'not-an-address' })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('invalid_input')
    const other = await strangerDesk()
    expect((await other.desk.client.post(`/api/orders/${id}/receipt`, { email: 'x@example.test' })).status).toBe(404)
    expect((await store.member.client.post(`/api/orders/${id}/receipt`, { email: 'x@example.test' })).status).toBe(404)
    expect(
      (
        await store.desk.client.post('/api/orders/00000000-0000-4000-8000-000000000000/receipt', {
          email: 'x@example.test',
        })
      ).status,
    ).toBe(404)
    expect((await app.http().post(`/api/orders/${id}/receipt`, { email: 'x@example.test' })).status).toBe(401)
    // No receipt was queued (other plugins' subscribers to the sale, e.g. lms on order.paid, may be).
    const [jobs] = await q<{ n: string }>(
      sql`SELECT count(*) AS n FROM payload_jobs
          WHERE input->'event'->>'type' = 'order.receipt_requested' AND input::text LIKE ${`%${id}%`}`,
    )
    expect(Number(jobs.n)).toBe(0)
  })
})

describe('member search used by the staff screens', () => {
  it("finds the tenant's members by name or e-mail fragment, never another tenant's", async () => {
    const store = await strangerDesk()
    const other = await strangerDesk()
    const tag = Math.random().toString(36).slice(2, 8)
    const { user } = await createPerson(app.payload, {
      tenant: store.tenant,
      roles: ['member'],
      email: `zed-${tag}@example.test`,
    })
    await createPerson(app.payload, { tenant: other.tenant, roles: ['member'], email: `zed-${tag}-other@example.test` })
    await app.payload.update({
      collection: 'tenant-memberships',
      where: { user: { equals: user.id } },
      data: { profile: { displayName: `Zoe ${tag}` } },
    })
    const search = (text: string, client = store.desk.client, tenant = store.tenant) =>
      client.get(
        `/api/tenant-memberships?${new URLSearchParams({
          'where[and][0][tenant][equals]': tenant,
          'where[and][1][status][equals]': 'active',
          'where[and][2][or][0][profile.displayName][like]': text,
          'where[and][2][or][1][email][like]': text,
          limit: '10',
          depth: '0',
        })}`,
      )
    const byEmail = await search(`zed-${tag}`)
    expect(byEmail.status).toBe(200)
    expect(byEmail.body.docs.map((d: { email: string }) => d.email)).toEqual([`zed-${tag}@example.test`])
    const byName = await search(`zoe ${tag}`)
    expect(byName.body.docs.map((d: { email: string }) => d.email)).toEqual([`zed-${tag}@example.test`])
    // Another tenant's desk asking for this tenant's members gets nothing.
    const foreign = await search(`zed-${tag}`, other.desk.client)
    expect(foreign.body.docs ?? []).toEqual([])
  })
})
