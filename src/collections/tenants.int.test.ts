import { describe, expect, it } from 'vitest'
import { resolveTenant } from '@/core/tenancy/resolveTenant'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'

const app = useTestApp()

describe('tenants', () => {
  it('are created by the platform with their settings and an owner', async () => {
    const { user } = await createPerson(app.payload, { platformRole: 'super_admin' })
    const admin = (await signIn(app, user.email)).client
    const res = await admin.post('/api/tenants', {
      name: 'Harbor Pilates',
      slug: 'harbor-pilates',
      timezone: 'Australia/Sydney',
      currency: 'AUD',
    })
    expect(res.status).toBe(201)
    const id = res.body.doc.id
    const settings = await app.payload.find({ collection: 'tenant-settings', where: { tenant: { equals: id } } })
    expect(settings.docs).toHaveLength(1)
    expect(settings.docs[0].branding?.platformName).toBe('Harbor Pilates')
    const owners = await app.payload.find({ collection: 'tenant-memberships', where: { tenant: { equals: id } } })
    expect(owners.docs.map((m) => m.roles)).toEqual([['owner']])
  })

  it('reject bad input with specific messages and keep their slug', async () => {
    const { user } = await createPerson(app.payload, { platformRole: 'super_admin' })
    const admin = (await signIn(app, user.email)).client
    const bad = await admin.post('/api/tenants', {
      name: 'Bad',
      slug: 'Not A Slug',
      timezone: 'Mars/Olympus',
      currency: 'usd',
    })
    expect(bad.status).toBe(400)
    const messages = JSON.stringify(bad.body)
    expect(messages).toContain('lower-case letters')
    expect(messages).toContain('IANA time zone')
    expect(messages).toContain('ISO-4217')
    expect(await app.payload.count({ collection: 'tenants', where: { name: { equals: 'Bad' } } })).toEqual({
      totalDocs: 0,
    })

    const tenant = await createTenant(app.payload)
    const { user: owner } = await createPerson(app.payload, { tenant: String(tenant.id), roles: ['owner'] })
    const client = (await signIn(app, owner.email)).client
    const renamed = await client.patch(`/api/tenants/${tenant.id}`, { name: 'Renamed', status: 'suspended' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.name).toBe('Renamed')
    expect(renamed.body.doc.status).toBe('active')
    const reslug = await client.patch(`/api/tenants/${tenant.id}`, { slug: 'something-else' })
    expect(reslug.status).toBe(400)
    expect(JSON.stringify(reslug.body)).toContain('cannot change')
  })

  it('are resolved from a header, their own domain, a subdomain or the path', async () => {
    const tenant = await createTenant(app.payload, { slug: 'lotus-studio' })
    await app.payload.update({
      collection: 'tenants',
      id: tenant.id,
      data: { domains: [{ hostname: 'www.lotus.example' }] },
    })
    const find = (headers: Record<string, string>, pathname?: string) =>
      resolveTenant(app.payload, { headers: new Headers(headers), pathname })
    expect((await find({ 'x-tenant': 'lotus-studio' }))?.id).toBe(tenant.id)
    expect((await find({ host: 'www.lotus.example' }))?.id).toBe(tenant.id)
    expect((await find({ host: 'lotus-studio.localhost:3000' }))?.id).toBe(tenant.id)
    expect((await find({ host: 'localhost:3000' }, '/lotus-studio/schedule'))?.slug).toBe('lotus-studio')
    expect(await find({ host: 'localhost:3000' }, '/nope/schedule')).toBeNull()
  })
})
