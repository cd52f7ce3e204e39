import { describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'

const app = useTestApp()

describe('tenant memberships', () => {
  it('mirrors roles into the user and keeps one owner', async () => {
    const tenant = await createTenant(app.payload)
    const { user, membership } = await createPerson(app.payload, { tenant: String(tenant.id), roles: ['owner'] })
    const reloaded = await app.payload.findByID({ collection: 'users', id: user.id, depth: 0 })
    expect(reloaded.tenants?.map((row) => [row.tenant, row.roles])).toEqual([[tenant.id, ['owner']]])

    const { client } = await signIn(app, user.email)
    const demote = await client.patch(`/api/tenant-memberships/${membership!.id}`, { roles: ['member'] })
    expect(demote.status).toBe(409)
    expect(JSON.stringify(demote.body)).toContain('at least one active owner')
  })
})
