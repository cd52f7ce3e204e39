import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { runSql } from '@/core/db/sqlFor'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'

const app = useTestApp()
const raw = (query: ReturnType<typeof sql>) => runSql({ payload: app.payload, transactionID: undefined }, query)

describe('audit log', () => {
  it('records role changes, shows them only to that tenant’s owners, and cannot be changed', async () => {
    const a = await createTenant(app.payload)
    const b = await createTenant(app.payload)
    const { user: ownerA } = await createPerson(app.payload, { tenant: String(a.id), roles: ['owner'] })
    const { user: deskA } = await createPerson(app.payload, { tenant: String(a.id), roles: ['front_desk'] })
    const { user: ownerB } = await createPerson(app.payload, { tenant: String(b.id), roles: ['owner'] })
    const { membership } = await createPerson(app.payload, { tenant: String(a.id), roles: ['member'] })

    const owner = (await signIn(app, ownerA.email)).client
    const promoted = await owner.patch(`/api/tenant-memberships/${membership!.id}`, { roles: ['member', 'instructor'] })
    expect(promoted.status).toBe(200)

    const rows = await owner.get(`/api/audit-logs?where[resourceId][equals]=${membership!.id}`)
    expect(rows.status).toBe(200)
    expect(rows.body.docs).toHaveLength(1)
    const row = rows.body.docs[0]
    expect(row).toMatchObject({
      category: 'security',
      action: 'member.role_changed',
      actorEmail: ownerA.email,
      before: { roles: ['member'] },
      after: { roles: ['member', 'instructor'] },
    })

    const desk = (await signIn(app, deskA.email)).client
    expect((await desk.get(`/api/audit-logs/${row.id}`)).status).toBe(403)
    const otherOwner = (await signIn(app, ownerB.email)).client
    expect((await otherOwner.get(`/api/audit-logs/${row.id}`)).status).toBe(404)

    expect((await owner.patch(`/api/audit-logs/${row.id}`, { action: 'nothing happened' })).status).toBe(403)
    expect((await owner.delete(`/api/audit-logs/${row.id}`)).status).toBe(403)
    expect((await owner.post('/api/audit-logs', { category: 'security', action: 'forged' })).status).toBe(403)

    const failure = (p: Promise<unknown>) =>
      p.then(
        () => 'succeeded',
        (e) => String(e?.cause?.message ?? e?.message),
      )
    expect(await failure(raw(sql`UPDATE audit_logs SET action = 'rewritten' WHERE id = ${row.id}`))).toMatch(
      /append-only/,
    )
    expect(await failure(raw(sql`DELETE FROM audit_logs WHERE id = ${row.id}`))).toMatch(/append-only/)
    const [kept] = await raw(sql`SELECT action FROM audit_logs WHERE id = ${row.id}`)
    expect(kept).toEqual({ action: 'member.role_changed' })
  })
})
