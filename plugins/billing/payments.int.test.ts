import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'

const app = useTestApp()
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

const desk = async () => {
  const tenant = String((await createTenant(app.payload)).id)
  const { user } = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
  const { user: memberUser, membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
  return {
    tenant,
    client: (await signIn(app, user.email)).client,
    member: { id: String(membership!.id), client: (await signIn(app, memberUser.email)).client },
  }
}

describe('payments', () => {
  it('are recorded by desk staff, audited, and refunded never beyond the amount even concurrently', async () => {
    const { tenant, client, member } = await desk()
    const res = await client.post('/api/payments/manual', {
      tenant,
      member: member.id,
      purpose: 'day_pass',
      provider: 'cash',
      amount: { amount: 1000, currency: 'USD' },
    })
    expect(res.status).toBe(201)
    const id = res.body.payment.id
    expect(res.body.payment).toMatchObject({ status: 'succeeded', amountRefunded: 0, provider: 'cash' })
    const seen = await member.client.get(`/api/payments/${id}`)
    expect(seen.status).toBe(200)

    const refunds = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.post(`/api/payments/${id}/refund`, { amount: 300, reason: 'Overcharged' }),
      ),
    )
    expect(refunds.filter((r) => r.status === 200)).toHaveLength(3)
    expect(refunds.filter((r) => r.status === 409)[0].body.message).toContain('exceeds what is left to refund (100)')
    const last = await client.post(`/api/payments/${id}/refund`, { amount: 100, reason: 'Rest' })
    expect(last.body).toMatchObject({ amountRefunded: 1000, status: 'refunded' })
    expect((await client.post(`/api/payments/${id}/refund`, { amount: 1, reason: 'More' })).status).toBe(409)

    const [row] = await q<{ amount_refunded: string; sum: string; n: string; audits: string }>(sql`
      SELECT p.amount_refunded, (SELECT sum(amount) FROM payments_refunds r WHERE r._parent_id = p.id) AS sum,
             (SELECT count(*) FROM payments_refunds r WHERE r._parent_id = p.id) AS n,
             (SELECT count(*) FROM audit_logs a WHERE a.resource_id = ${id}) AS audits
      FROM payments p WHERE p.id = ${id}`)
    expect(row).toEqual({ amount_refunded: '1000', sum: '1000', n: '4', audits: '5' })
    await expect(q(sql`UPDATE payments SET amount_refunded = 1001 WHERE id = ${id}`)).rejects.toThrow()
  })

  it('reject bad input, members and other tenants with specific messages and write nothing', async () => {
    const { tenant, client, member } = await desk()
    const other = await desk()
    const bad = await client.post('/api/payments/manual', {
      tenant,
      provider: 'stripe',
      amount: { amount: 10.5, currency: 'usd' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('provider must be cash, terminal or manual')
    expect(bad.body.message).toContain('whole minor units')
    expect(bad.body.message).toContain('ISO-4217')
    const asMember = await member.client.post('/api/payments/manual', {
      tenant,
      provider: 'cash',
      amount: { amount: 100, currency: 'USD' },
    })
    expect(asMember.status).toBe(403)
    const elsewhere = await other.client.post('/api/payments/manual', {
      tenant,
      provider: 'cash',
      amount: { amount: 100, currency: 'USD' },
    })
    expect(elsewhere.status).toBe(403)
    const direct = await client.post('/api/payments', {
      tenant,
      provider: 'cash',
      amount: { amount: 100, currency: 'USD' },
    })
    expect(direct.status).toBe(403)
    expect(await app.payload.count({ collection: 'payments', where: { tenant: { equals: tenant } } })).toEqual({
      totalDocs: 0,
    })

    const ok = await client.post('/api/payments/manual', {
      tenant,
      provider: 'terminal',
      amount: { amount: 500, currency: 'USD' },
    })
    const foreign = await other.client.post(`/api/payments/${ok.body.payment.id}/refund`, { amount: 100, reason: 'x' })
    expect(foreign.status).toBe(404)
    const noReason = await client.post(`/api/payments/${ok.body.payment.id}/refund`, { amount: 100 })
    expect(noReason.status).toBe(400)
    const [row] = await q<{ amount_refunded: string }>(
      sql`SELECT amount_refunded FROM payments WHERE id = ${ok.body.payment.id}`,
    )
    expect(row.amount_refunded).toBe('0')
  })
})
