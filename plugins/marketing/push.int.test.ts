import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from '@payloadcms/db-postgres'
import webpush from 'web-push'
import { resetEnvForTests } from '@/core'
import { createPerson, signIn, useTestApp } from '@/core/testing'
import { marketingTestKit } from './marketingTestKit'

const app = useTestApp()
const kit = () => marketingTestKit(app.payload)

// ---- A local push service (RFC 8030) over https, with a throwaway certificate for 127.0.0.1 ----

type Received = { path: string; headers: Record<string, string | string[] | undefined>; body: Buffer }
const received: Received[] = []
let server: https.Server
let origin = ''
let previousCa: unknown

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atrium-push-'))
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
  ], { stdio: 'ignore' }) // prettier-ignore
  const cert = readFileSync(path.join(dir, 'cert.pem'))
  server = https.createServer({ key: readFileSync(path.join(dir, 'key.pem')), cert }, (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) })
      // /push/<name>/<status>: answer that status (201 with the message's Location).
      const status = Number((req.url ?? '').split('/')[3] ?? 201)
      res.writeHead(status, status === 201 ? { location: `${origin}/messages/${randomBytes(6).toString('hex')}` } : {})
      res.end(status === 201 ? '' : `status ${status}`)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  // web-push sends with https.request and the global agent: trust the throwaway certificate there.
  previousCa = https.globalAgent.options.ca
  https.globalAgent.options.ca = cert
})

afterAll(async () => {
  https.globalAgent.options.ca = previousCa as typeof https.globalAgent.options.ca
  await new Promise((resolve) => server?.close(resolve))
})

/** A browser's subscription: its own P-256 key pair and auth secret, and an endpoint on the fake service. */
const browser = (name: string, status = 201) => {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const auth = randomBytes(16)
  return {
    ecdh,
    auth,
    json: {
      endpoint: `${origin}/push/${name}-${randomBytes(4).toString('hex')}/${status}`,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    },
  }
}

/** RFC 8291 / RFC 8188: decrypts an aes128gcm Web Push body with the browser's private key. */
const decrypt = (body: Buffer, b: ReturnType<typeof browser>): string => {
  const salt = body.subarray(0, 16)
  const idlen = body[20]
  const serverKey = body.subarray(21, 21 + idlen)
  const ciphertext = body.subarray(21 + idlen)
  const shared = b.ecdh.computeSecret(serverKey)
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), b.ecdh.getPublicKey(), serverKey])
  const ikm = Buffer.from(hkdfSync('sha256', shared, b.auth, keyInfo, 32))
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16))
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12))
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16))
  const plain = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()])
  let end = plain.length - 1
  while (end > 0 && plain[end] === 0) end--
  expect(plain[end]).toBe(2) // the last record's padding delimiter
  return plain.subarray(0, end).toString('utf8')
}

/** Checks the VAPID `Authorization: vapid t=<JWT>, k=<key>` header (RFC 8292); returns the JWT's claims. */
const vapidClaims = (authorization: string, publicKey: string) => {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(authorization)
  expect(match).not.toBeNull()
  const [, jwt, k] = match!
  expect(k).toBe(publicKey)
  const [header, claims, signature] = jwt.split('.')
  expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ typ: 'JWT', alg: 'ES256' })
  const point = Buffer.from(k, 'base64url')
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  })
  const signed = verify(
    'sha256',
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  )
  expect(signed).toBe(true)
  return JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud: string; sub: string; exp: number }
}

const subscriptionRow = async (endpoint: string) => {
  const [row] = await kit().q<{
    id: string
    member_id: string
    failures: string
    disabled_at: Date | null
    last_success_at: Date | null
  }>(
    sql`SELECT id, member_id, failures, disabled_at, last_success_at FROM push_subscriptions WHERE endpoint = ${endpoint}`,
  )
  return row
}

/** A tenant, and a member signed in over HTTP who subscribed the given browsers. */
const subscribed = async (browsers: ReturnType<typeof browser>[], consents: ('push' | 'email_marketing')[] = []) => {
  const { studio, member } = kit()
  const tenant = await studio()
  const m = await member(tenant)
  for (const type of consents)
    await app.payload.create({
      collection: 'consents',
      data: { tenant, member: m.id, type, grantedAt: new Date().toISOString() },
    })
  const { client } = await signIn(app, m.email)
  for (const b of browsers) {
    const res = await client.post('/api/push-subscriptions/subscribe', {
      tenant,
      subscription: b.json,
      userAgent: 'Test',
    })
    expect(res.status).toBe(201)
  }
  return { tenant, member: m, client }
}

const pushAutomation = (tenant: string, purpose: 'marketing' | 'transactional') =>
  app.payload.create({
    collection: 'automations',
    data: {
      tenant,
      name: `Push ${purpose}`,
      triggerEvent: 'member.created',
      purpose,
      status: 'active',
      cooldownDays: 0,
      steps: [
        { delayMinutes: 0, channel: 'push', subject: 'Hi {{firstName}}', body: 'Class at {{studioName}} tomorrow' },
      ],
    },
  })

describe('VAPID keys', () => {
  it('generates one key pair when none is configured, keeps it encrypted and serves the public key', async () => {
    const first = await app.http().get('/api/push/vapid-public-key')
    expect(first.status).toBe(200)
    expect(first.body.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/)
    expect((await app.http().get('/api/push/vapid-public-key')).body.publicKey).toBe(first.body.publicKey)
    const rows = await kit().q<{ envelope: string }>(
      sql`SELECT envelope FROM encrypted_secrets WHERE owner_collection = 'push-subscriptions' AND field = 'vapidKeys'`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0].envelope.startsWith('enc1.')).toBe(true)
    expect(rows[0].envelope).not.toContain(first.body.publicKey)
  })

  it('uses VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY / VAPID_SUBJECT when they are set', async () => {
    const pair = webpush.generateVAPIDKeys()
    const saved = { ...process.env }
    Object.assign(process.env, {
      VAPID_PUBLIC_KEY: pair.publicKey,
      VAPID_PRIVATE_KEY: pair.privateKey,
      VAPID_SUBJECT: 'mailto:push@studio.example',
    })
    resetEnvForTests()
    try {
      expect((await app.http().get('/api/push/vapid-public-key')).body.publicKey).toBe(pair.publicKey)
      const b = browser('configured')
      const { tenant } = await subscribed([b], ['push'])
      await pushAutomation(tenant, 'transactional')
      received.length = 0
      await kit().runJobs()
      expect(received).toHaveLength(1)
      expect(vapidClaims(String(received[0].headers.authorization), pair.publicKey).sub).toBe(
        'mailto:push@studio.example',
      )
    } finally {
      for (const key of ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT']) {
        if (saved[key] === undefined) delete process.env[key]
        else process.env[key] = saved[key]
      }
      resetEnvForTests()
    }
  })
})

describe('push-subscriptions endpoints', () => {
  it('validates the subscription with specific 400s and refuses anonymous callers', async () => {
    const { studio, member } = kit()
    const tenant = await studio()
    const m = await member(tenant)
    const { client } = await signIn(app, m.email)
    const good = browser('valid').json
    expect((await app.http().post('/api/push-subscriptions/subscribe', { tenant, subscription: good })).status).toBe(
      401,
    )
    const bad = async (body: unknown, message: RegExp) => {
      const res = await client.post('/api/push-subscriptions/subscribe', body)
      expect(res.status).toBe(400)
      expect(res.body.error).toBe('invalid_input')
      expect(JSON.stringify(res.body)).toMatch(message)
    }
    await bad({ tenant, subscription: { ...good, endpoint: 'http://push.example/x' } }, /endpoint must be an https URL/)
    await bad({ tenant, subscription: { ...good, endpoint: 'not a url' } }, /endpoint must be a URL/)
    await bad(
      { tenant, subscription: { ...good, keys: { ...good.keys, p256dh: 'AAAA' } } },
      /keys.p256dh must be 65 bytes/,
    )
    await bad(
      { tenant, subscription: { ...good, keys: { ...good.keys, auth: 'abc$' } } },
      /keys.auth must be base64url/,
    )
    await bad({ subscription: good }, /tenant/)
    // The member is always the caller: a body naming one is refused.
    await bad({ tenant, subscription: good, member: m.id }, /member/)
    expect(await kit().q(sql`SELECT 1 FROM push_subscriptions WHERE tenant_id = ${tenant}`)).toHaveLength(0)
  })

  it('upserts on the endpoint, idempotently; a person subscribes only as their own member of that tenant', async () => {
    const { studio, member } = kit()
    const tenant = await studio()
    const other = await studio()
    const m1 = await member(tenant)
    const m2 = await member(tenant)
    const b = browser('shared')
    const c1 = (await signIn(app, m1.email)).client
    const first = await c1.post('/api/push-subscriptions/subscribe', {
      tenant,
      subscription: b.json,
      userAgent: 'Firefox',
    })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ endpoint: b.json.endpoint, created: true })
    const again = await c1.post('/api/push-subscriptions/subscribe', {
      tenant,
      subscription: b.json,
      userAgent: 'Firefox',
    })
    expect(again.status).toBe(200)
    expect(again.body).toEqual({ id: first.body.id, endpoint: b.json.endpoint, created: false })
    expect((await subscriptionRow(b.json.endpoint)).member_id).toBe(m1.id)
    // Not a member of the other tenant: refused, nothing written there.
    const elsewhere = await c1.post('/api/push-subscriptions/subscribe', {
      tenant: other,
      subscription: browser('x').json,
    })
    expect(elsewhere.status).toBe(403)
    expect(await kit().q(sql`SELECT 1 FROM push_subscriptions WHERE tenant_id = ${other}`)).toHaveLength(0)
    // The same browser signed in as another member of the tenant now belongs to that member (one row).
    const c2 = (await signIn(app, m2.email)).client
    expect((await c2.post('/api/push-subscriptions/subscribe', { tenant, subscription: b.json })).status).toBe(200)
    expect((await subscriptionRow(b.json.endpoint)).member_id).toBe(m2.id)
    // Unsubscribing someone else's browser removes nothing; one's own removes it, once.
    const u1 = await c1.post('/api/push-subscriptions/unsubscribe', { endpoint: b.json.endpoint })
    expect(u1.body).toEqual({ endpoint: b.json.endpoint, removed: 0 })
    const u2 = await c2.post('/api/push-subscriptions/unsubscribe', { endpoint: b.json.endpoint, tenant })
    expect(u2.body).toEqual({ endpoint: b.json.endpoint, removed: 1 })
    expect((await c2.post('/api/push-subscriptions/unsubscribe', { endpoint: b.json.endpoint })).body.removed).toBe(0)
  })

  it('keeps at most 20 subscriptions per member: the oldest go', async () => {
    const browsers = Array.from({ length: 21 }, (_, i) => browser(`many${i}`))
    const { member } = await subscribed(browsers)
    const rows = await kit().q<{ endpoint: string }>(
      sql`SELECT endpoint FROM push_subscriptions WHERE member_id = ${member.id}`,
    )
    expect(rows).toHaveLength(20)
    expect(rows.map((r) => r.endpoint)).not.toContain(browsers[0].json.endpoint)
  })

  it('members read their own subscriptions with keys; staff list them without keys; other tenants see nothing', async () => {
    const b = browser('read')
    const { tenant, member, client } = await subscribed([b])
    const mine = await client.get('/api/push-subscriptions')
    expect(mine.body.docs).toHaveLength(1)
    expect(mine.body.docs[0].keys).toEqual(b.json.keys)
    const { studio, member: newMember } = kit()
    const neighbour = await newMember(tenant)
    const seen = await (await signIn(app, neighbour.email)).client.get('/api/push-subscriptions')
    expect(seen.body.docs).toHaveLength(0)
    const { user: manager } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const staff = await (await signIn(app, manager.email)).client.get('/api/push-subscriptions')
    expect(staff.body.docs).toHaveLength(1)
    expect(staff.body.docs[0].endpoint).toBe(b.json.endpoint)
    expect(staff.body.docs[0].keys).toBeUndefined()
    expect(JSON.stringify(staff.body)).not.toContain(b.json.keys.auth)
    const other = await studio()
    const { user: stranger } = await createPerson(app.payload, { tenant: other, roles: ['owner'] })
    const strangers = await (await signIn(app, stranger.email)).client
    expect((await strangers.get('/api/push-subscriptions')).body.docs).toHaveLength(0)
    const row = await subscriptionRow(b.json.endpoint)
    expect((await strangers.get(`/api/push-subscriptions/${row.id}`)).status).toBe(404)
    expect(row.member_id).toBe(member.id)
  })
})

describe('the push channel', () => {
  it('sends an encrypted, VAPID-signed message to every active subscription; 410 disables one', async () => {
    const phone = browser('phone')
    const laptop = browser('laptop')
    const gone = browser('gone', 410)
    const { tenant, member } = await subscribed([phone, laptop, gone], ['push'])
    await pushAutomation(tenant, 'marketing')
    const { publicKey } = (await app.http().get('/api/push/vapid-public-key')).body
    received.length = 0
    await kit().runJobs()
    expect(received.map((r) => r.path).sort()).toEqual(
      [phone, laptop, gone].map((b) => new URL(b.json.endpoint).pathname).sort(),
    )
    for (const b of [phone, laptop]) {
      const request = received.find((r) => r.path === new URL(b.json.endpoint).pathname)!
      expect(request.headers['content-encoding']).toBe('aes128gcm')
      expect(request.headers['content-type']).toBe('application/octet-stream')
      expect(Number(request.headers.ttl)).toBe(86400)
      expect(request.headers.urgency).toBe('normal')
      const claims = vapidClaims(String(request.headers.authorization), publicKey)
      expect(claims.aud).toBe(origin)
      expect(claims.sub).toMatch(/^(mailto:|https:)/)
      expect(claims.exp * 1000).toBeGreaterThan(Date.now())
      expect(claims.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3600_000)
      expect(JSON.parse(decrypt(request.body, b))).toEqual({
        title: 'Hi member',
        body: `Class at ${(await app.payload.findByID({ collection: 'tenants', id: tenant })).name} tomorrow`,
        url: 'account/notifications',
      })
      const row = await subscriptionRow(b.json.endpoint)
      expect(row.last_success_at).not.toBeNull()
      expect(row.disabled_at).toBeNull()
    }
    expect((await subscriptionRow(gone.json.endpoint)).disabled_at).not.toBeNull()
    const [log] = await kit().messageLogs(member.id)
    expect(log).toMatchObject({ channel: 'push', status: 'sent', type: 'marketing', provider: 'web_push' })
    expect(log.provider_message_id).toMatch(/\/messages\//)
  })

  it('a marketing push needs the push consent; a transactional one is never blocked', async () => {
    const b = browser('consent')
    const { tenant, member } = await subscribed([b])
    await pushAutomation(tenant, 'marketing')
    await pushAutomation(tenant, 'transactional')
    received.length = 0
    await kit().runJobs()
    const logs = await kit().messageLogs(member.id)
    expect(logs.map((l) => [l.subject, l.status, l.reason, l.type]).sort()).toEqual([
      ['Hi member', 'sent', null, 'transactional'],
      ['Hi member', 'skipped', 'no_consent', 'marketing'],
    ])
    expect(received).toHaveLength(1)
    expect(received[0].headers.urgency).toBe('high')
  })

  it('a member without an active subscription is skipped (no_recipient); a failing push service counts failures', async () => {
    const none = await subscribed([], ['push'])
    await pushAutomation(none.tenant, 'marketing')
    await kit().runJobs()
    expect((await kit().messageLogs(none.member.id))[0]).toMatchObject({ status: 'skipped', reason: 'no_recipient' })

    const broken = browser('broken', 500)
    const { tenant, member } = await subscribed([broken], ['push'])
    await pushAutomation(tenant, 'transactional')
    received.length = 0
    await app.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'deliverEvent' } } as never })
    await app.payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'sendAutomationStep' } } as never })
    expect(received).toHaveLength(1)
    const [log] = await kit().messageLogs(member.id)
    expect(log).toMatchObject({ channel: 'push', status: 'failed' })
    const row = await subscriptionRow(broken.json.endpoint)
    expect(Number(row.failures)).toBe(1)
    expect(row.disabled_at).toBeNull()
  })
})
