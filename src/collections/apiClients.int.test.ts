import { describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'

const app = useTestApp()

describe('API clients', () => {
  it('act in their own tenant with their roles, and stop when revoked', async () => {
    const a = String((await createTenant(app.payload)).id)
    const b = String((await createTenant(app.payload)).id)
    const { user: owner } = await createPerson(app.payload, { tenant: a, roles: ['owner'] })
    await createPerson(app.payload, { tenant: a, roles: ['member'] })
    await createPerson(app.payload, { tenant: b, roles: ['member'] })
    const ownerClient = (await signIn(app, owner.email)).client
    const apiKey = 'a1b2c3d4-key-for-tests-0000000000001'
    const created = await ownerClient.post('/api/api-clients', {
      tenant: a,
      name: 'Zapier',
      roles: ['front_desk'],
      enableAPIKey: true,
      apiKey,
    })
    expect(created.status).toBe(201)

    const key = app.http({ apiKey })
    const members = await key.get('/api/tenant-memberships?limit=100&depth=0')
    expect(members.status).toBe(200)
    expect(members.body.docs.length).toBe(2)
    expect(members.body.docs.every((m: { tenant: string }) => m.tenant === a)).toBe(true)
    expect((await key.post('/api/locations', { tenant: a, name: 'Nope', slug: 'nope', timezone: 'UTC' })).status).toBe(
      403,
    )

    await ownerClient.patch(`/api/api-clients/${created.body.doc.id}`, { status: 'revoked' })
    const after = await key.get('/api/tenant-memberships?limit=100&depth=0')
    expect(after.body.docs ?? []).toHaveLength(0)
  })
})
