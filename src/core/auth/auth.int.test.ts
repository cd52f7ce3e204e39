import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '../db/sqlFor'
import { getEnv } from '../env'
import { PASSWORD, createPerson, createTenant, startTestPayload, type TestApp } from '../testing'

process.env.LOGIN_RATE_LIMIT_PER_MINUTE = '10'
process.env.LOGIN_MAX_ATTEMPTS = '3'

let app: TestApp
let tenant: string
let ipCounter = 0
const freshIp = () => `198.51.100.${++ipCounter}`
const login = (email: string, password: string, ip = freshIp()) =>
  app.http({ headers: { 'x-forwarded-for': ip } }).post('/api/users/login', { email, password })

beforeAll(async () => {
  app = await startTestPayload()
  tenant = String((await createTenant(app.payload)).id)
})
afterAll(async () => app?.stop())

describe('login hardening', () => {
  it('locks an account after repeated wrong passwords, even for the right one', async () => {
    const { user } = await createPerson(app.payload, { tenant })
    for (let i = 0; i < 3; i++) expect((await login(user.email, 'wrong-password')).status).toBe(401)
    const locked = await login(user.email, PASSWORD)
    expect(locked.status).toBe(401)
    expect(JSON.stringify(locked.body)).toMatch(/locked/i)
  })

  it('answers 429 past the per-IP limit, counting concurrent attempts exactly', async () => {
    const { user } = await createPerson(app.payload, { tenant })
    const ip = freshIp()
    const results = await Promise.all(Array.from({ length: 25 }, () => login(user.email, 'nope-nope', ip)))
    const limited = results.filter((r) => r.status === 429)
    expect(results.length - limited.length).toBe(10)
    expect(limited[0].body.errors[0].message).toMatch(
      /Too many attempts from this address\. Try again in \d+ seconds\./,
    )
    // Another address is not affected.
    const { user: other } = await createPerson(app.payload, { tenant })
    expect((await login(other.email, PASSWORD)).status).toBe(200)
  })

  it('keeps every session of concurrent logins of one account (each token signs in)', async () => {
    const { user } = await createPerson(app.payload, { tenant })
    const logins = await Promise.all(Array.from({ length: 8 }, () => login(user.email, PASSWORD)))
    expect(logins.map((r) => r.status)).toEqual(Array(8).fill(200))
    expect(String(logins[0].headers.get('set-cookie'))).toMatch(/payload-token=/)
    const sessions = await runSql<{ n: number }>(
      { payload: app.payload, transactionID: undefined },
      sql`SELECT count(*)::int AS n FROM users_sessions WHERE _parent_id = ${user.id}`,
    )
    expect(sessions[0].n).toBe(8)
    for (const { body } of logins) {
      const me = await app.http({ headers: { authorization: `JWT ${body.token}` } }).get('/api/users/me')
      expect(me.body.user?.id).toBe(user.id)
    }
  })

  it('limits anonymous sign-ups per address, not staff adding people', async () => {
    const ip = freshIp()
    const signUp = (n: number) =>
      app
        .http({ headers: { 'x-forwarded-for': ip } })
        .post('/api/users', { email: `signup-${ip}-${n}@example.test`, password: PASSWORD, name: 'New' })
    const results = await Promise.all(Array.from({ length: 15 }, (_, n) => signUp(n)))
    expect(results.filter((r) => r.status === 201).length).toBe(10)
    expect(results.filter((r) => r.status === 429).length).toBe(5)
    const made = await app.payload.count({ collection: 'users', where: { email: { like: `signup-${ip}-` } } })
    expect(made.totalDocs).toBe(10)
    // A signed-in person on the same address is not counted against it.
    const { user: admin } = await createPerson(app.payload, { platformRole: 'super_admin' })
    const token = (await login(admin.email, PASSWORD)).body.token
    const byStaff = await app
      .http({ token, headers: { 'x-forwarded-for': ip } })
      .post('/api/users', { email: `staff-made-${ip}@example.test`, password: PASSWORD, name: 'Added' })
    expect(byStaff.status).toBe(201)
  })

  it('keeps members out of the admin and lets staff in', async () => {
    const { user: member } = await createPerson(app.payload, { tenant, roles: ['member'] })
    const { user: desk } = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const memberToken = (await login(member.email, PASSWORD)).body.token
    const deskToken = (await login(desk.email, PASSWORD)).body.token
    const access = await app.http({ token: memberToken }).get('/api/access')
    // Payload leaves `canAccessAdmin` out of the answer when it is false.
    expect(access.status).toBe(200)
    expect(access.body.canAccessAdmin ?? false).toBe(false)
    expect((await app.http({ token: deskToken }).get('/api/access')).body.canAccessAdmin).toBe(true)
  })

  it('does not let people grant themselves platform or tenant roles', async () => {
    const { user, membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
    const me = app.http({ token: (await login(user.email, PASSWORD)).body.token })
    await me.patch(`/api/users/${user.id}`, { platformRole: 'super_admin', tenants: [{ tenant, roles: ['owner'] }] })
    await me.patch(`/api/tenant-memberships/${membership!.id}`, { roles: ['owner'] })
    const after = await app.payload.findByID({ collection: 'users', id: user.id, depth: 0 })
    expect(after.platformRole).toBe('none')
    expect(after.tenants?.map((t) => t.roles)).toEqual([['member']])
    expect(
      (
        await me.post('/api/users', {
          email: 'new-admin@example.test',
          password: PASSWORD,
          platformRole: 'super_admin',
        })
      ).body.doc?.platformRole,
    ).toBe('none')
  })
})

describe('rate-limit housekeeping', () => {
  it('an hourly job removes finished windows and keeps running ones', async () => {
    const raw = (q: ReturnType<typeof sql>) =>
      runSql<{ key: string }>({ payload: app.payload, transactionID: undefined }, q)
    await raw(
      sql`INSERT INTO payload_kv (key, data) VALUES ('ratelimit:login:old', '{"count": 3, "resetAt": 1}'::jsonb)`,
    )
    const live = (
      await raw(
        sql`SELECT key FROM payload_kv WHERE key LIKE 'ratelimit:%' AND (data->>'resetAt')::bigint > ${Date.now()}::bigint`,
      )
    ).length
    expect(live).toBeGreaterThan(0)
    // By id: plugins' subscriber jobs may be queued ahead of it.
    const job = await app.payload.jobs.queue({ task: 'purgeRateLimits', input: {} })
    await app.payload.jobs.runByID({ id: job.id })
    expect(await raw(sql`SELECT key FROM payload_kv WHERE key = 'ratelimit:login:old'`)).toEqual([])
    expect((await raw(sql`SELECT key FROM payload_kv WHERE key LIKE 'ratelimit:%'`)).length).toBe(live)
  })
})

describe('password reset', () => {
  const tokenFromMail = async (email: string) => {
    const dir = path.join(getEnv().dataDir, 'mail')
    const files = (await readdir(dir)).sort()
    for (const file of files.reverse()) {
      const mail = JSON.parse(await readFile(path.join(dir, file), 'utf8'))
      if (mail.to === email) return /reset\/([a-f0-9]+)/.exec(mail.html)?.[1]
    }
    return undefined
  }

  it('mails a single-use token', async () => {
    const { user } = await createPerson(app.payload, { tenant })
    const asked = await app
      .http({ headers: { 'x-forwarded-for': freshIp() } })
      .post('/api/users/forgot-password', { email: user.email })
    expect(asked.status).toBe(200)
    const token = await tokenFromMail(user.email)
    expect(token).toBeTruthy()
    const reset = await app.http().post('/api/users/reset-password', { token, password: 'a-brand-new-passphrase' })
    expect(reset.status).toBe(200)
    expect((await login(user.email, 'a-brand-new-passphrase')).status).toBe(200)
    const again = await app.http().post('/api/users/reset-password', { token, password: 'someone-else-again' })
    expect(again.status).toBeGreaterThanOrEqual(400)
    expect((await login(user.email, 'someone-else-again')).status).toBe(401)
  })

  it('rejects an expired token', async () => {
    const { user } = await createPerson(app.payload, { tenant })
    await app
      .http({ headers: { 'x-forwarded-for': freshIp() } })
      .post('/api/users/forgot-password', { email: user.email })
    const token = await tokenFromMail(user.email)
    await runSql(
      { payload: app.payload, transactionID: undefined },
      sql`UPDATE users SET reset_password_expiration = now() - interval '1 minute' WHERE id = ${user.id}`,
    )
    const reset = await app.http().post('/api/users/reset-password', { token, password: 'too-late-passphrase' })
    expect(reset.status).toBeGreaterThanOrEqual(400)
    expect((await login(user.email, 'too-late-passphrase')).status).toBe(401)
  })
})
