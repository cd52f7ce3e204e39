import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import type { Plugin } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { getEnv, runSql, subscribe } from '@/core'
import { signEmailVerificationToken } from '@/core/auth/emailVerification/emailVerificationToken'
import { createPerson, createTenant, signIn, useTestApp, type HttpClient } from '@/core/testing'

/** Counts `user.email_verified` events (emit queues a job per subscriber). */
const probe = (): Plugin => (config) =>
  subscribe(config, { name: 'test.emailVerified', event: 'user.email_verified', handler: async () => {} })

const app = useTestApp({ plugins: [probe()] })
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

let tenant: { id: string; slug: string }
let owner: HttpClient
let desk: HttpClient
let ipCounter = 0

type Member = { userId: string; membershipId: string; email: string; client: HttpClient }

/** A signed-in member of the tenant; each with its own address, so the per-address limits stay apart. */
const member = async (): Promise<Member> => {
  const { user, membership } = await createPerson(app.payload, { tenant: tenant.id, roles: ['member'] })
  const { token } = await signIn(app, user.email)
  const ip = `10.9.0.${++ipCounter}`
  return {
    userId: String(user.id),
    membershipId: String(membership!.id),
    email: user.email,
    client: app.http({ token, headers: { 'x-forwarded-for': ip } }),
  }
}

const verifiedAt = async (user: string) =>
  (await q<{ at: Date | null }>(sql`SELECT email_verified_at AS at FROM users WHERE id = ${user}`))[0].at

/** Runs the queued verification mails of `user` and returns the link of the newest one mailed to `email`. */
const mailedLink = async (user: string, email: string): Promise<string> => {
  const jobs = await q<{ id: string }>(
    sql`SELECT id::text AS id FROM payload_jobs WHERE task_slug = 'sendEmailVerification' AND input->>'user' = ${user}`,
  )
  expect(jobs.length).toBeGreaterThan(0)
  for (const job of jobs) await app.payload.jobs.run({ where: { id: { equals: job.id } } })
  const dir = path.join(process.env.DATA_DIR!, 'mail')
  const mails = (
    await Promise.all(
      (await readdir(dir)).map(
        async (f) =>
          JSON.parse(await readFile(path.join(dir, f), 'utf8')) as {
            to: string
            subject: string
            text: string
            html: string
            sentAt: string
          },
      ),
    )
  )
    .filter((mail) => mail.to === email)
    .sort((x, y) => x.sentAt.localeCompare(y.sentAt))
  const mail = mails.at(-1)
  expect(mail?.subject).toBe(`Verify your e-mail address for ${tenant.slug}`)
  const link = /(https?:\/\/\S+\/verify-email\?token=\S+)/.exec(mail!.text)?.[1]
  expect(link).toBeTruthy()
  expect(mail!.html).toContain('Verify my e-mail address')
  return link!
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!

/** Asks for a link and verifies the member with it. */
const verify = async (m: Member) => {
  expect((await m.client.post('/api/users/verify-email/request', { tenant: tenant.slug })).status).toBe(202)
  const res = await app.http().post('/api/users/verify-email', { token: tokenOf(await mailedLink(m.userId, m.email)) })
  expect(res.status).toBe(200)
}

beforeAll(async () => {
  const t = await createTenant(app.payload)
  tenant = { id: String(t.id), slug: t.slug }
  const person = async (roles: ('owner' | 'front_desk')[]) => {
    const { user } = await createPerson(app.payload, { tenant: tenant.id, roles })
    return (await signIn(app, user.email)).client
  }
  owner = await person(['owner'])
  desk = await person(['front_desk'])
})

describe('e-mail verification (kernel)', () => {
  it('request → a mail with a signed link; the link verifies once; a repeat changes nothing; a verified member gets 409', async () => {
    const m = await member()
    expect(await verifiedAt(m.userId)).toBeNull()
    // The member reads their own flag (none yet).
    expect((await m.client.get(`/api/users/${m.userId}`)).body.emailVerifiedAt ?? null).toBeNull()

    const asked = await m.client.post('/api/users/verify-email/request', { tenant: tenant.slug })
    expect(asked.status).toBe(202)
    expect(asked.body).toEqual({ queued: true, to: m.email })
    const link = await mailedLink(m.userId, m.email)
    expect(link.startsWith(`${getEnv().SERVER_URL.replace(/\/$/, '')}/${tenant.slug}/verify-email?token=`)).toBe(true)

    const first = await app.http().post('/api/users/verify-email', { token: tokenOf(link) })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ verified: true, user: m.userId, email: m.email, alreadyVerified: false })
    const at = await verifiedAt(m.userId)
    expect(at).toBeTruthy()
    // Opening the link again: 200, already verified, the time kept, no second event.
    const again = await app.http().post('/api/users/verify-email', { token: tokenOf(link) })
    expect(again.status).toBe(200)
    expect(again.body.alreadyVerified).toBe(true)
    expect(await verifiedAt(m.userId)).toEqual(at)
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE input->>'subscriber' = 'test.emailVerified'
          AND input->'event'->'data'->>'user' = ${m.userId}`,
    )
    expect(n).toBe(1)

    const verifiedAgain = await m.client.post('/api/users/verify-email/request', { tenant: tenant.slug })
    expect(verifiedAgain.status).toBe(409)
    expect(verifiedAgain.body.error).toBe('already_verified')
    // The member reads their flag, staff of the tenant too.
    expect((await m.client.get(`/api/users/${m.userId}`)).body.emailVerifiedAt).toBeTruthy()
    expect((await desk.get(`/api/users/${m.userId}`)).body.emailVerifiedAt).toBeTruthy()
  })

  it('nobody writes the flag through the API; sign-in is required to ask; the tenant must be the member’s', async () => {
    const m = await member()
    const set = await m.client.patch(`/api/users/${m.userId}`, { emailVerifiedAt: new Date().toISOString() })
    expect(set.status).toBe(200)
    expect(await verifiedAt(m.userId)).toBeNull()
    // Not even a platform admin (who may edit the account).
    const { user: admin } = await createPerson(app.payload, { platformRole: 'super_admin' })
    const adminClient = (await signIn(app, admin.email)).client
    const byAdmin = await adminClient.patch(`/api/users/${m.userId}`, { emailVerifiedAt: new Date().toISOString() })
    expect(byAdmin.status).toBe(200)
    expect(await verifiedAt(m.userId)).toBeNull()
    const anonymous = await app.http().post('/api/users/verify-email/request', {})
    expect(anonymous.status).toBe(401)
    const other = await createTenant(app.payload)
    const foreign = await m.client.post('/api/users/verify-email/request', { tenant: other.slug })
    expect(foreign.status).toBe(404)
    // Without a tenant: the member's own tenant's site.
    expect((await m.client.post('/api/users/verify-email/request', {})).status).toBe(202)
    expect(await mailedLink(m.userId, m.email)).toContain(`/${tenant.slug}/verify-email?token=`)
  })

  it('tampered, expired and foreign tokens → 400 with a clear message, nothing set', async () => {
    const m = await member()
    expect((await m.client.post('/api/users/verify-email/request', { tenant: tenant.slug })).status).toBe(202)
    const token = tokenOf(await mailedLink(m.userId, m.email))
    const [payload, issuedAt, digest] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>
    const forged = Buffer.from(JSON.stringify({ ...claims, exp: Number(claims.exp) + 86_400 })).toString('base64url')
    const bad = [
      `${payload}.${issuedAt}.${digest.slice(0, -1)}${digest.endsWith('0') ? '1' : '0'}`, // signature changed
      `${forged}.${issuedAt}.${digest}`, // a later expiry, same signature
      `${payload}.${Number(issuedAt) + 1}.${digest}`, // another signing time
      'not-a-token',
    ]
    for (const t of bad) {
      const res = await app.http().post('/api/users/verify-email', { token: t })
      expect(res.status, t).toBe(400)
      expect(res.body.error).toBe('invalid_token')
      expect(res.body.message).toMatch(/not valid/)
    }
    const expired = signEmailVerificationToken({ user: m.userId, email: m.email, now: Date.now() - 49 * 3600_000 })
    const late = await app.http().post('/api/users/verify-email', { token: expired })
    expect(late.status).toBe(400)
    expect(late.body).toMatchObject({ error: 'expired_token' })
    expect(late.body.message).toMatch(/expired/)
    // A valid signature for another address of the account → invalid.
    const other = signEmailVerificationToken({ user: m.userId, email: `x-${m.email}` })
    expect((await app.http().post('/api/users/verify-email', { token: other })).body.error).toBe('invalid_token')
    expect(await verifiedAt(m.userId)).toBeNull()
    // The good one still works.
    expect((await app.http().post('/api/users/verify-email', { token })).status).toBe(200)
  })

  it('changing the e-mail address clears the flag; the old link stops working; a new link verifies the new address', async () => {
    const m = await member()
    expect((await m.client.post('/api/users/verify-email/request', { tenant: tenant.slug })).status).toBe(202)
    const oldToken = tokenOf(await mailedLink(m.userId, m.email))
    expect((await app.http().post('/api/users/verify-email', { token: oldToken })).status).toBe(200)
    expect(await verifiedAt(m.userId)).toBeTruthy()

    const changed = await m.client.patch(`/api/users/${m.userId}`, { email: `New-${m.email}` })
    expect(changed.status).toBe(200)
    const email = `new-${m.email}`
    expect(changed.body.doc.email).toBe(email)
    expect(await verifiedAt(m.userId)).toBeNull()
    // The link sent to the old address no longer verifies anything.
    const stale = await app.http().post('/api/users/verify-email', { token: oldToken })
    expect(stale.status).toBe(400)
    expect(stale.body.error).toBe('invalid_token')
    expect((await m.client.post('/api/users/verify-email/request', { tenant: tenant.slug })).status).toBe(202)
    const fresh = await app
      .http()
      .post('/api/users/verify-email', { token: tokenOf(await mailedLink(m.userId, email)) })
    expect(fresh.status).toBe(200)
    // A save that keeps the address keeps the flag.
    expect((await m.client.patch(`/api/users/${m.userId}`, { name: 'Renamed' })).status).toBe(200)
    expect(await verifiedAt(m.userId)).toBeTruthy()
  })
})

describe('lms purchase guard (commerce.purchaseGuard)', () => {
  it('an unverified member cannot buy a course (403 email_unverified, no order) but can buy a class pack; verified, the course sells', async () => {
    const course = await app.payload.create({
      collection: 'courses',
      draft: true,
      data: { tenant: tenant.id, title: 'Paid course', slug: `c-${Math.random().toString(36).slice(2, 10)}` },
    })
    const product = async (data: Record<string, unknown>) => {
      const slug = `p-${Math.random().toString(36).slice(2, 10)}`
      const res = await owner.post('/api/products', { tenant: tenant.id, name: slug, slug, ...data })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return String(res.body.doc.id)
    }
    const courseProduct = await product({
      kind: 'digital',
      price: { amount: 5000, currency: 'USD' },
      lms: { course: course.id },
    })
    const pack = await product({
      kind: 'credit_pack',
      price: { amount: 6000, currency: 'USD' },
      pack: { credits: 5, creditType: 'class', validityDays: 90 },
    })
    const m = await member()
    const orders = async () =>
      (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders WHERE member_id = ${m.membershipId}`))[0].n

    const refused = await m.client.post('/api/orders/reserve', { lines: [{ product: courseProduct, quantity: 1 }] })
    expect(refused.status).toBe(403)
    expect(refused.body).toEqual({
      error: 'email_unverified',
      message: 'Verify your e-mail address before buying courses or content.',
    })
    expect(await orders()).toBe(0)
    // A cart mixing the pack and the course: refused as a whole.
    const mixed = await m.client.post('/api/orders/reserve', {
      lines: [
        { product: pack, quantity: 1 },
        { product: courseProduct, quantity: 1 },
      ],
    })
    expect(mixed.status).toBe(403)
    expect(await orders()).toBe(0)
    // At the desk too (the member's address is what is checked).
    const atDesk = await desk.post('/api/orders/checkout', {
      tenant: tenant.id,
      member: m.membershipId,
      lines: [{ product: courseProduct, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    expect(atDesk.status).toBe(403)
    expect(atDesk.body.error).toBe('email_unverified')
    expect(await orders()).toBe(0)

    // A class pack is not lms content: it sells to an unverified member.
    const packOrder = await m.client.post('/api/orders/reserve', { lines: [{ product: pack, quantity: 1 }] })
    expect(packOrder.status).toBe(201)
    expect(await orders()).toBe(1)
    const walkIn = await desk.post('/api/orders/checkout', {
      tenant: tenant.id,
      member: m.membershipId,
      lines: [{ product: pack, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    expect(walkIn.status).toBe(201)

    await verify(m)
    const bought = await m.client.post('/api/orders/reserve', { lines: [{ product: courseProduct, quantity: 1 }] })
    expect(bought.status).toBe(201)
    expect(bought.body.order.status).toBe('pending')
    expect(await orders()).toBe(3)
  })
})
