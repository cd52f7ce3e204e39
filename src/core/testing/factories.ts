import { randomBytes } from 'node:crypto'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import type { Role } from '../access/roles'
import type { TestApp } from './startTestPayload'
import type { HttpClient } from './httpClient'

export const PASSWORD = 'correct-horse-battery-staple'

const unique = () => randomBytes(4).toString('hex')

export const createTenant = async (
  payload: Payload,
  data: { slug?: string; name?: string; timezone?: string; currency?: string; status?: string } = {},
) => {
  const slug = data.slug ?? `tenant-${unique()}`
  return payload.create({
    collection: 'tenants',
    data: {
      name: data.name ?? slug,
      slug,
      timezone: data.timezone ?? 'America/New_York',
      currency: data.currency ?? 'USD',
      status: (data.status ?? 'active') as never,
    },
  })
}

/** A user, with a membership holding `roles` in `tenant` when given. */
export const createPerson = async (
  payload: Payload,
  {
    tenant,
    roles = ['member'],
    email,
    platformRole = 'none',
  }: { tenant?: string; roles?: Role[]; email?: string; platformRole?: 'none' | 'support' | 'super_admin' } = {},
) => {
  const user = await payload.create({
    collection: 'users',
    data: {
      email: email ?? `${roles.join('-')}-${unique()}@example.test`,
      password: PASSWORD,
      name: roles.join(' '),
      platformRole,
    },
  })
  const membership = tenant
    ? await payload.create({
        collection: 'tenant-memberships',
        data: { tenant, user: user.id, roles, status: 'active' },
      })
    : null
  return { user, membership }
}

/** Builds a Local API request acting as `userId` (as a signed-in user would). */
export const localReqAs = async (payload: Payload, userId: string): Promise<PayloadRequest> => {
  const user = await payload.findByID({ collection: 'users', id: userId, depth: 0 })
  return createLocalReq({ user: { ...user, collection: 'users' } as never }, payload)
}

/** Signs in through the real REST login endpoint and returns a client carrying the token. */
export const signIn = async (
  app: TestApp,
  email: string,
  password = PASSWORD,
): Promise<{ token: string; client: HttpClient }> => {
  const res = await app.http().post('/api/users/login', { email, password })
  if (res.status !== 200) throw new Error(`Login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`)
  return { token: res.body.token, client: app.http({ token: res.body.token }) }
}

export type Actor = {
  label: string
  userId?: string
  membershipId?: string
  client: HttpClient
  user?: Record<string, unknown>
}

/**
 * Two tenants, each with an owner, a front-desk clerk, an instructor and a member, plus a platform
 * admin and an anonymous visitor: the cast of every isolation test.
 */
export const twoTenants = async (app: TestApp) => {
  const { payload } = app
  const a = await createTenant(payload, { slug: `a-${unique()}` })
  const b = await createTenant(payload, { slug: `b-${unique()}` })
  const cast = async (tenant: string, tag: string) => {
    const out: Record<string, Actor> = {}
    for (const [label, roles] of [
      ['owner', ['owner']],
      ['frontDesk', ['front_desk']],
      ['instructor', ['instructor']],
      ['member', ['member']],
    ] as const) {
      const { user, membership } = await createPerson(payload, { tenant, roles: [...roles] })
      const { client } = await signIn(app, user.email)
      out[label] = {
        label: `${label} of ${tag}`,
        userId: String(user.id),
        membershipId: String(membership!.id),
        client,
      }
    }
    return out as Record<'owner' | 'frontDesk' | 'instructor' | 'member', Actor>
  }
  const inA = await cast(String(a.id), 'A')
  const inB = await cast(String(b.id), 'B')
  const { user: adminUser } = await createPerson(payload, { platformRole: 'super_admin' })
  const platformAdmin: Actor = {
    label: 'platform admin',
    userId: String(adminUser.id),
    client: (await signIn(app, adminUser.email)).client,
  }
  const anonymous: Actor = { label: 'anonymous', client: app.http() }
  return { a, b, inA, inB, platformAdmin, anonymous }
}
