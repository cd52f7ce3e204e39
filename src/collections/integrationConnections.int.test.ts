import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '@/core/db/sqlFor'
import { getSecret } from '@/core/secrets/getSecret'
import { createPerson, createTenant, signIn, startTestPayload, type TestApp } from '@/core/testing'
import type { HttpClient } from '@/core/testing/httpClient'

const SECRET = 'sk_live_do_not_leak_51H'
let app: TestApp
let owner: HttpClient
let tenant: string

const storedRow = async (id: string) =>
  (
    await runSql<{ credentials: string | null }>(
      { payload: app.payload, transactionID: undefined },
      sql`SELECT envelope AS credentials FROM encrypted_secrets WHERE owner_collection = 'integration-connections' AND owner_id = ${id} AND field = 'credentials'`,
    )
  )[0] ?? { credentials: null }

beforeAll(async () => {
  app = await startTestPayload()
  tenant = String((await createTenant(app.payload)).id)
  const { user } = await createPerson(app.payload, { tenant, roles: ['owner'] })
  owner = (await signIn(app, user.email)).client
})
afterAll(async () => app?.stop())

describe('integration credentials', () => {
  let id: string

  it('are encrypted at rest and never returned by REST', async () => {
    const res = await owner.post('/api/integration-connections', {
      tenant,
      provider: 'hubspot',
      credentialsInput: { token: SECRET },
      config: { portalId: 42 },
    })
    expect(res.status).toBe(201)
    id = res.body.doc.id
    expect(JSON.stringify(res.body)).not.toContain(SECRET)
    expect(res.body.doc.credentialsSetAt).toBeTruthy()

    const row = await storedRow(id)
    expect(row.credentials).toMatch(/^enc1\./)
    expect(row.credentials).not.toContain(SECRET)

    for (const path of [
      `/api/integration-connections/${id}`,
      `/api/integration-connections?depth=2`,
      `/api/integration-connections/${id}?showHiddenFields=true`,
    ]) {
      const read = await owner.get(path)
      expect(read.status).toBe(200)
      expect(JSON.stringify(read.body)).not.toContain(SECRET)
      expect(JSON.stringify(read.body)).not.toContain(row.credentials)
    }
  })

  it('are absent from the GraphQL schema and answers', async () => {
    const type = await owner.graphql(`{ __type(name: "IntegrationConnection") { fields { name } } }`)
    const names = type.body.data.__type.fields.map((f: { name: string }) => f.name)
    expect(names).toContain('provider')
    expect(names).not.toContain('credentials')
    expect(names.filter((name: string) => /envelope|secret/i.test(name))).toEqual([])
    const list = await owner.graphql(`{ IntegrationConnections { docs { id provider config credentialsSetAt } } }`)
    expect(list.body.errors).toBeUndefined()
    expect(JSON.stringify(list.body)).not.toContain(SECRET)
    const direct = await owner.graphql(`{ IntegrationConnections { docs { credentials } } }`)
    expect(direct.body.errors?.[0]?.message).toMatch(/Cannot query field "credentials"/)
    const input = await owner.graphql(`{ IntegrationConnections { docs { credentialsInput } } }`)
    expect(input.body.data.IntegrationConnections.docs[0].credentialsInput).toBeNull()
    const store = await owner.graphql(`{ __schema { queryType { fields { name } } } }`)
    expect(JSON.stringify(store.body)).not.toMatch(/EncryptedSecret/)
    expect((await owner.get('/api/encrypted-secrets')).status).toBe(403)
  })

  it('decrypt only on the server, survive unrelated edits and rotate on replace', async () => {
    const req = { payload: app.payload } as never
    expect(await getSecret(req, { collection: 'integration-connections', id, field: 'credentials' })).toEqual({
      token: SECRET,
    })

    const before = await storedRow(id)
    const edit = await owner.patch(`/api/integration-connections/${id}`, {
      status: 'connected',
      credentials: 'enc1.forged',
      credentialsSetAt: '2000-01-01T00:00:00.000Z',
    })
    expect(edit.status).toBe(200)
    expect((await storedRow(id)).credentials).toBe(before.credentials)

    await owner.patch(`/api/integration-connections/${id}`, { credentialsInput: { token: 'new-token' } })
    const after = await storedRow(id)
    expect(after.credentials).not.toBe(before.credentials)
    expect(await getSecret(req, { collection: 'integration-connections', id, field: 'credentials' })).toEqual({
      token: 'new-token',
    })
  })
})
