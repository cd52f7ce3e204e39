import { describe, expect, it } from 'vitest'
import { signMediaToken } from './signMediaToken'
import { verifyMediaToken } from './verifyMediaToken'

// Pure functions: no Payload, no database anywhere in this file, which is the point: a token is
// checked with the key derived from PAYLOAD_SECRET and nothing else.
const media = { id: '0b6a4b2e-6f0e-4d4a-9a53-3c1f1e2d7a10', tenant: '5d1c2e7b-1a2b-4c3d-8e9f-0a1b2c3d4e5f' }
const now = Date.UTC(2026, 11, 6, 12, 0, 0)

describe('signMediaToken / verifyMediaToken', () => {
  it('round-trips the claims: media, tenant, subject, expiry', () => {
    const token = signMediaToken({ media, subject: 'member-1', ttlSeconds: 300, now })
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/)
    expect(verifyMediaToken(token, { media: media.id, now })).toEqual({
      ok: true,
      claims: { media: media.id, tenant: media.tenant, subject: 'member-1', exp: now / 1000 + 300 },
    })
  })

  it('takes populated relationships (tenant as a document)', () => {
    const token = signMediaToken({
      media: { id: media.id, tenant: { id: media.tenant } },
      subject: 's',
      ttlSeconds: 5,
      now,
    })
    const check = verifyMediaToken(token, { now })
    expect(check.ok && check.claims.tenant).toBe(media.tenant)
  })

  it('refuses an expired token, from the second it expires', () => {
    const token = signMediaToken({ media, subject: 'member-1', ttlSeconds: 60, now })
    expect(verifyMediaToken(token, { now: now + 59_999 }).ok).toBe(true)
    expect(verifyMediaToken(token, { now: now + 60_000 })).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses a token for another media', () => {
    const token = signMediaToken({ media, subject: 'member-1', ttlSeconds: 60, now })
    expect(verifyMediaToken(token, { media: 'another-media', now })).toEqual({ ok: false, reason: 'other_media' })
  })

  it('refuses edited claims, a foreign signature, truncation and garbage', () => {
    const token = signMediaToken({ media, subject: 'member-1', ttlSeconds: 60, now })
    const [payload, signature] = token.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const edited = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86_400 })).toString('base64url')
    expect(verifyMediaToken(`${edited}.${signature}`, { now }).ok).toBe(false)
    const other = signMediaToken({ media: { ...media, id: 'other' }, subject: 'member-1', ttlSeconds: 60, now })
    expect(verifyMediaToken(`${payload}.${other.split('.')[1]}`, { now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    })
    expect(verifyMediaToken(`${payload}.${signature.slice(0, -2)}`, { now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    })
    expect(verifyMediaToken(payload, { now })).toEqual({ ok: false, reason: 'malformed' })
    expect(verifyMediaToken('', { now })).toEqual({ ok: false, reason: 'missing' })
    expect(verifyMediaToken(null, { now })).toEqual({ ok: false, reason: 'missing' })
    expect(verifyMediaToken('.....', { now })).toEqual({ ok: false, reason: 'malformed' })
  })

  it('refuses to sign without a tenant or with a ttl outside 1 s .. 24 h', () => {
    expect(() => signMediaToken({ media: { id: media.id }, subject: 's', ttlSeconds: 60 })).toThrow(/tenant/)
    expect(() => signMediaToken({ media, subject: 's', ttlSeconds: 0 })).toThrow(/ttlSeconds/)
    expect(() => signMediaToken({ media, subject: 's', ttlSeconds: 86_401 })).toThrow(/ttlSeconds/)
  })
})
