import { describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import { createPerson, signIn, useTestApp } from '@/core/testing'
import { marketingTestKit } from './marketingTestKit'

const app = useTestApp()
const MEMBERS = 50_000

describe('the audience preview on a large tenant', () => {
  it(`answers for ${MEMBERS} members in one SQL statement, fast`, async () => {
    const { studio, automation, q } = marketingTestKit(app.payload)
    const tenant = await studio()
    // 50,000 members (users, memberships, the member role); every other one with an open marketing e-mail consent.
    await q(
      sql`INSERT INTO users (email, name) SELECT 'bench-' || g || '-' || ${tenant} || '@example.test', 'Bench ' || g FROM generate_series(1, ${MEMBERS}::int) g`,
    )
    await q(sql`INSERT INTO tenant_memberships (tenant_id, user_id, status, joined_at)
                SELECT ${tenant}, u.id, 'active', now() - interval '90 days' FROM users u WHERE u.email LIKE ${`bench-%-${tenant}@example.test`}`)
    await q(sql`INSERT INTO tenant_memberships_roles ("order", parent_id, value)
                SELECT 1, m.id, 'member' FROM tenant_memberships m WHERE m.tenant_id = ${tenant}`)
    await q(sql`INSERT INTO consents (tenant_id, member_id, type, granted_at)
                SELECT ${tenant}, m.id, 'email_marketing', now() FROM tenant_memberships m
                WHERE m.tenant_id = ${tenant} AND (('x' || substr(m.id::text, 1, 8))::bit(32)::int % 2) = 0`)
    await q(sql`ANALYZE`)
    const [{ withConsent }] = await q<{ withConsent: number }>(
      sql`SELECT count(*)::int AS "withConsent" FROM consents WHERE tenant_id = ${tenant} AND type = 'email_marketing' AND revoked_at IS NULL`,
    )
    const a = await automation(tenant, { steps: [{ channel: 'email', subject: 'x', body: 'x' }] })
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const staff = (await signIn(app, user.email)).client
    await staff.get(`/api/automations/${a.id}/preview`) // warm-up (plans, connections)
    const started = performance.now()
    const res = await staff.get(`/api/automations/${a.id}/preview`)
    const ms = performance.now() - started
    console.log(`[bench] audience preview over ${MEMBERS} members: ${ms.toFixed(0)} ms (${withConsent} with consent)`)
    expect(res.status).toBe(200)
    expect(res.body.count).toBe(withConsent)
    expect(res.body.members).toHaveLength(20)
    expect(ms).toBeLessThan(3000)
  }, 300_000)
})
