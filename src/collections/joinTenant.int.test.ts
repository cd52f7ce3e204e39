import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { runSql } from '@/core/db/sqlFor'
import { PASSWORD, createPerson, createTenant, signIn, useTestApp } from '@/core/testing'

const app = useTestApp()

const membershipsOf = (userId: string) =>
  runSql<{ tenant_id: string; status: string; roles: string }>(
    { payload: app.payload, transactionID: undefined } as never,
    sql`SELECT m.tenant_id, m.status, string_agg(r.value::text, ',' ORDER BY r.value) AS roles
        FROM tenant_memberships m LEFT JOIN tenant_memberships_roles r ON r.parent_id = m.id
        WHERE m.user_id = ${userId} GROUP BY m.id`,
  )

describe('POST /api/tenant-memberships/join', () => {
  it('adds the signed-in person as an active member of an open tenant, once', async () => {
    const home = await createTenant(app.payload)
    const other = await createTenant(app.payload)
    const { user } = await createPerson(app.payload, { tenant: String(home.id) })
    const { client } = await signIn(app, user.email)

    // Members cannot create memberships through the collection.
    const direct = await client.post('/api/tenant-memberships', { tenant: other.id, user: user.id, roles: ['member'] })
    expect(direct.status).toBe(403)

    const joined = await client.post('/api/tenant-memberships/join', { tenant: other.slug })
    expect(joined.status).toBe(201)
    expect(joined.body).toMatchObject({
      joined: true,
      membership: { tenant: other.id, user: user.id, roles: ['member'], status: 'active' },
    })
    // Joining keeps the person signed in (mirroring memberships into users.tenants[] must not drop their sessions).
    expect((await client.get('/api/users/me')).body.user?.id).toBe(user.id)
    const again = await client.post('/api/tenant-memberships/join', { tenant: other.slug })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ joined: false, membership: { id: joined.body.membership.id } })

    const rows = await membershipsOf(String(user.id))
    expect(rows.map((row) => [row.tenant_id, row.status, row.roles]).sort()).toEqual(
      [
        [home.id, 'active', 'member'],
        [other.id, 'active', 'member'],
      ].sort(),
    )
    // Mirrored into users.tenants[] in the same transaction: the member reads their own membership of the new tenant.
    const reloaded = await app.payload.findByID({ collection: 'users', id: user.id, depth: 0 })
    expect(reloaded.tenants?.map((row) => row.tenant).sort()).toEqual([home.id, other.id].sort())
    const own = await client.get(`/api/tenant-memberships/${joined.body.membership.id}`)
    expect([own.status, own.body]).toMatchObject([200, { id: joined.body.membership.id }])
  })

  it('refuses anonymous callers, unknown and suspended tenants, archived members and malformed input, writing nothing', async () => {
    const open = await createTenant(app.payload)
    const suspended = await createTenant(app.payload, { status: 'suspended' })
    const { user } = await createPerson(app.payload)
    const { client } = await signIn(app, user.email)

    expect((await app.http().post('/api/tenant-memberships/join', { tenant: open.slug })).status).toBe(401)
    const unknown = await client.post('/api/tenant-memberships/join', { tenant: 'no-such-tenant' })
    expect([unknown.status, unknown.body.error]).toEqual([404, 'tenant_not_found'])
    const closed = await client.post('/api/tenant-memberships/join', { tenant: suspended.slug })
    expect([closed.status, closed.body.error]).toEqual([409, 'tenant_closed'])
    const extra = await client.post('/api/tenant-memberships/join', { tenant: open.slug, roles: ['owner'] })
    expect([extra.status, extra.body.error]).toEqual([400, 'invalid_input'])
    expect(await membershipsOf(String(user.id))).toEqual([])

    const archivedTenant = await createTenant(app.payload)
    const { user: former, membership } = await createPerson(app.payload, { tenant: String(archivedTenant.id) })
    await app.payload.update({ collection: 'tenant-memberships', id: membership!.id, data: { status: 'archived' } })
    const { client: formerClient } = await signIn(app, former.email, PASSWORD)
    const refused = await formerClient.post('/api/tenant-memberships/join', { tenant: archivedTenant.slug })
    expect([refused.status, refused.body.error]).toEqual([403, 'membership_archived'])
    expect((await membershipsOf(String(former.id))).map((row) => row.status)).toEqual(['archived'])
  })

  it('lets a member grant and revoke their own marketing consents, and nobody else’s', async () => {
    const tenant = await createTenant(app.payload)
    const { user, membership } = await createPerson(app.payload, { tenant: String(tenant.id) })
    const { membership: otherMembership } = await createPerson(app.payload, { tenant: String(tenant.id) })
    const { client } = await signIn(app, user.email)

    const granted = await client.post('/api/consents', {
      tenant: tenant.id,
      member: membership!.id,
      type: 'email_marketing',
      source: 'website',
    })
    expect(granted.status).toBe(201)
    const forOther = await client.post('/api/consents', {
      tenant: tenant.id,
      member: otherMembership!.id,
      type: 'email_marketing',
    })
    expect(forOther.status).toBe(403)
    const revoked = await client.patch(`/api/consents/${granted.body.doc.id}`, { revokedAt: new Date().toISOString() })
    expect(revoked.status).toBe(200)
    const rows = await runSql<{ member_id: string; revoked: boolean }>(
      { payload: app.payload, transactionID: undefined } as never,
      sql`SELECT member_id, revoked_at IS NOT NULL AS revoked FROM consents WHERE tenant_id = ${tenant.id}`,
    )
    expect(rows).toEqual([{ member_id: membership!.id, revoked: true }])
  })
})
