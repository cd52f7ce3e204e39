import { SignJWT } from 'jose'
import { JWT_AUTH_VERSION } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, startTestPayload, type TestApp } from '../testing'
import { sessionUserStrategy } from './sessionUserStrategy'

let app: TestApp
beforeAll(async () => {
  app = await startTestPayload()
})
afterAll(async () => app?.stop())

const args = (headers: Record<string, string>) => ({
  headers: new Headers(headers),
  payload: app.payload,
  isGraphQL: false,
  canSetHeaders: false,
})
const authenticate = (headers: Record<string, string>) =>
  sessionUserStrategy.authenticate({ ...args(headers), strategyName: 'session-user' })
/** Payload's own `local-jwt` strategy, called directly: what our strategy must agree with. */
const payloadJwt = (headers: Record<string, string>) => {
  const strategy = app.payload.authStrategies.find((s) => s.name === 'local-jwt')
  if (!strategy) throw new Error('local-jwt strategy missing')
  return strategy.authenticate({ ...args(headers), strategyName: 'local-jwt' })
}

describe('session user strategy', () => {
  it("resolves the same user, tenants and session as Payload's own JWT check", async () => {
    const tenantA = String((await createTenant(app.payload)).id)
    const tenantB = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant: tenantA, roles: ['front_desk'] })
    await app.payload.create({
      collection: 'tenant-memberships',
      data: { tenant: tenantB, user: user.id, status: 'active' } as never,
    })
    const { token } = await signIn(app, String(user.email))

    const ours = (await authenticate({ authorization: `JWT ${token}` })).user as Record<string, unknown> | null
    const theirs = (await payloadJwt({ authorization: `JWT ${token}` })).user as unknown as Record<string, unknown>
    expect(ours).not.toBeNull()
    const tenantsOf = (u: Record<string, unknown>) =>
      ((u.tenants as { tenant: unknown; roles?: string[] }[]) ?? [])
        .map(
          (t) =>
            `${String(typeof t.tenant === 'object' && t.tenant ? (t.tenant as { id: string }).id : t.tenant)}:${(t.roles ?? []).join('+')}`,
        )
        .sort()
    for (const key of ['id', 'email', 'name', 'platformRole', 'status', '_sid', '_strategy', 'collection'])
      expect(ours?.[key], key).toEqual(theirs[key])
    expect(tenantsOf(ours!)).toEqual([`${tenantA}:front_desk`, `${tenantB}:member`].sort())
    expect(tenantsOf(ours!)).toEqual(tenantsOf(theirs))
    // Never the password material.
    for (const secret of ['hash', 'salt', 'resetPasswordToken']) expect(ours).not.toHaveProperty(secret)
    // The API answers as that person with our strategy in front.
    const me = await app.http({ token }).get('/api/users/me')
    expect(me.body.user.id).toBe(user.id)
  })

  it('takes the token from the same places as Payload, with the same cross-site cookie rule', async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant })
    const { token } = await signIn(app, String(user.email))
    const cookie = `${app.payload.config.cookiePrefix}-token=${token}`
    const allowed = app.payload.config.csrf[0] ?? 'http://localhost:3000'
    const cases: [Record<string, string>, boolean][] = [
      [{ authorization: `Bearer ${token}` }, true],
      [{ cookie, 'sec-fetch-site': 'same-origin' }, true],
      [{ cookie, origin: allowed }, true],
      [{ cookie, origin: 'https://evil.example' }, false],
      [{ cookie, 'sec-fetch-site': 'cross-site' }, false],
      [{ authorization: 'JWT not-a-token' }, false],
    ]
    for (const [headers, accepted] of cases) {
      const ours = (await authenticate(headers)).user?.id ?? null
      const theirs = (await payloadJwt(headers)).user?.id ?? null
      expect(ours, JSON.stringify(headers)).toBe(accepted ? user.id : null)
      expect(theirs, JSON.stringify(headers)).toBe(ours)
    }
  })

  it("rejects a logged-out session, a forged token and another collection's claims", async () => {
    const tenant = String((await createTenant(app.payload)).id)
    const { user } = await createPerson(app.payload, { tenant })
    const { token } = await signIn(app, String(user.email))
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())

    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', authVersion: JWT_AUTH_VERSION })
      .sign(new TextEncoder().encode('not-the-secret-of-this-app'))
    expect((await authenticate({ authorization: `JWT ${forged}` })).user).toBeNull()
    const otherCollection = await new SignJWT({ ...claims, collection: 'api-clients' })
      .setProtectedHeader({ alg: 'HS256', authVersion: JWT_AUTH_VERSION })
      .sign(new TextEncoder().encode(app.payload.secret))
    expect((await authenticate({ authorization: `JWT ${otherCollection}` })).user).toBeNull()

    expect((await app.http({ token }).post('/api/users/logout', {})).status).toBe(200)
    expect((await authenticate({ authorization: `JWT ${token}` })).user).toBeNull()
    expect((await payloadJwt({ authorization: `JWT ${token}` })).user).toBeNull()
    expect((await app.http({ token }).get('/api/users/me')).body.user).toBeNull()
  })
})
