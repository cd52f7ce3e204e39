import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { callPort, runSql } from '@/core'
import { debitCreditsPort, refundCreditsPort } from '@plugins/bookings/contract'
import { localReqAs, useTestApp } from '@/core/testing'
import { expireCreditLotsTask } from './jobs/expireCreditLotsTask'
import { commerceStore, runAs } from './testing/commerceStore'

const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

const ledgerMatchesLots = async (member: string) => {
  const [row] = await q<{ ledger: string; lots: string }>(sql`
    SELECT (SELECT coalesce(sum(amount), 0) FROM credit_ledger WHERE member_id = ${member}) AS ledger,
           (SELECT coalesce(sum(remaining_credits), 0) FROM credit_lots WHERE member_id = ${member}) AS lots`)
  return { ledger: Number(row.ledger), lots: Number(row.lots) }
}

describe('credits', () => {
  it('a pack bought at the desk gives 5 credits; 50 concurrent debits through the port spend exactly 5', async () => {
    const store = await commerceStore(app)
    const pack = await store.product({
      kind: 'credit_pack',
      price: { amount: 7500, currency: 'USD' },
      pack: { credits: 5, creditType: 'class', validityDays: 30 },
    })
    const sold = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      member: store.member.membershipId,
      lines: [{ product: pack.id, quantity: 1 }],
      payment: { provider: 'terminal' },
    })
    expect(sold.status).toBe(201)
    expect(sold.body.creditLots).toHaveLength(1)
    const started = Date.now()
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        runAs(app.payload, store.desk.userId, (req) =>
          callPort(req, debitCreditsPort, {
            tenant: store.tenant,
            member: store.member.membershipId,
            credits: 1,
            reason: 'Class booking',
            ref: { collection: 'bookings', id: `b-${i}` },
          }),
        ),
      ),
    )
    console.info(
      `[credits] 50 concurrent debits: ${results.filter((r) => r.ok).length} ok in ${Date.now() - started} ms`,
    )
    expect(results.filter((r) => r.ok)).toHaveLength(5)
    expect(new Set(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code))).toEqual(
      new Set(['insufficient_credits']),
    )
    const [lot] = await q<{ remaining_credits: string }>(
      sql`SELECT remaining_credits FROM credit_lots WHERE member_id = ${store.member.membershipId}`,
    )
    expect(Number(lot.remaining_credits)).toBe(0)
    expect(await ledgerMatchesLots(store.member.membershipId)).toEqual({ ledger: 0, lots: 0 })
    const [min] = await q<{ m: string }>(
      sql`SELECT min(balance_after) AS m FROM credit_ledger WHERE member_id = ${store.member.membershipId}`,
    )
    expect(Number(min.m)).toBe(0)
  }, 60_000)

  it('spends the soonest-expiring lot first, is idempotent per ref, refunds once, and the daily job writes off expired lots', async () => {
    const store = await commerceStore(app)
    const member = store.member.membershipId
    const short = await store.product({
      kind: 'credit_pack',
      price: { amount: 2000, currency: 'USD' },
      pack: { credits: 2, validityDays: 7 },
    })
    const long = await store.product({
      kind: 'credit_pack',
      price: { amount: 9000, currency: 'USD' },
      pack: { credits: 10, validityDays: 90 },
    })
    for (const product of [long, short]) {
      const res = await store.desk.client.post('/api/orders/checkout', {
        tenant: store.tenant,
        member,
        lines: [{ product: product.id, quantity: 1 }],
        payment: { provider: 'cash' },
      })
      expect(res.status).toBe(201)
    }
    const [shortLot] = await q<{ id: string }>(
      sql`SELECT id FROM credit_lots WHERE member_id = ${member} AND initial_credits = 2`,
    )
    const ref = { collection: 'bookings', id: 'booking-1' }
    const debit = () =>
      runAs(app.payload, store.desk.userId, (req) =>
        callPort(req, debitCreditsPort, { tenant: store.tenant, member, credits: 3, reason: 'Workshop', ref }),
      )
    const first = await debit()
    expect(first).toMatchObject({ ok: true, lotId: shortLot.id })
    const again = await debit()
    expect(again).toEqual(first)
    expect(await ledgerMatchesLots(member)).toEqual({ ledger: 9, lots: 9 })

    const refund = () =>
      runAs(app.payload, store.desk.userId, (req) =>
        callPort(req, refundCreditsPort, { tenant: store.tenant, member, ref, reason: 'Cancelled in window' }),
      )
    const [r1, r2] = await Promise.all([refund(), refund()])
    expect(r1).toEqual({ ok: true, credits: 3 })
    expect(r2).toEqual({ ok: true, credits: 3 })
    expect(await ledgerMatchesLots(member)).toEqual({ ledger: 12, lots: 12 })
    const none = await runAs(app.payload, store.desk.userId, (req) =>
      callPort(req, refundCreditsPort, {
        tenant: store.tenant,
        member,
        ref: { collection: 'bookings', id: 'never' },
        reason: 'x',
      }),
    )
    expect(none).toMatchObject({ ok: false, code: 'no_spend' })

    await q(sql`UPDATE credit_lots SET expires_at = now() - interval '1 minute' WHERE id = ${shortLot.id}`)
    const req = await localReqAs(app.payload, store.owner.userId)
    const out = await (
      expireCreditLotsTask.handler as (args: {
        req: typeof req
      }) => Promise<{ output: { lots: number; credits: number } }>
    )({ req })
    expect(out.output.credits).toBeGreaterThanOrEqual(2)
    const [expired] = await q<{ remaining_credits: string; n: string }>(sql`
      SELECT remaining_credits, (SELECT count(*) FROM credit_ledger WHERE lot_id = ${shortLot.id} AND type = 'expired') AS n FROM credit_lots WHERE id = ${shortLot.id}`)
    expect(Number(expired.remaining_credits)).toBe(0)
    expect(Number(expired.n)).toBe(1)
    expect(await ledgerMatchesLots(member)).toEqual({ ledger: 10, lots: 10 })
    const spent = await runAs(app.payload, store.desk.userId, (req2) =>
      callPort(req2, debitCreditsPort, {
        tenant: store.tenant,
        member,
        credits: 11,
        reason: 'too many',
        ref: { collection: 'bookings', id: 'b-11' },
      }),
    )
    expect(spent).toMatchObject({ ok: false, code: 'insufficient_credits' })
  })

  it('a credit pack needs a member and products validate pack credits', async () => {
    const store = await commerceStore(app)
    const bad = await store.owner.client.post('/api/products', {
      tenant: store.tenant,
      name: 'Empty pack',
      slug: 'empty-pack',
      kind: 'credit_pack',
      price: { amount: 100, currency: 'USD' },
      pack: { credits: 0 },
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('pack.credits greater than 0')
    const pack = await store.product({ kind: 'credit_pack', pack: { credits: 5 } })
    const walkIn = await store.desk.client.post('/api/orders/checkout', {
      tenant: store.tenant,
      lines: [{ product: pack.id, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    expect(walkIn.status).toBe(400)
    expect(walkIn.body.error).toBe('member_required')
    expect(await app.payload.count({ collection: 'orders', where: { tenant: { equals: store.tenant } } })).toEqual({
      totalDocs: 0,
    })
  })
})
