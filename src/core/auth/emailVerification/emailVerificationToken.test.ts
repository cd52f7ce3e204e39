import { describe, expect, it } from 'vitest'
import { signEmailVerificationToken, verifyEmailVerificationToken } from './emailVerificationToken'

const now = Date.UTC(2026, 11, 7, 8, 0, 0)

describe('e-mail verification tokens', () => {
  it('round-trips the claims until they expire (48 h by default)', () => {
    const token = signEmailVerificationToken({ user: 'u-1', email: 'ana@example.test', now })
    expect(verifyEmailVerificationToken(token, { now: now + 1000 })).toEqual({
      ok: true,
      claims: { user: 'u-1', email: 'ana@example.test', exp: now / 1000 + 48 * 3600 },
    })
    expect(verifyEmailVerificationToken(token, { now: now + 48 * 3600_000 - 1 }).ok).toBe(true)
    expect(verifyEmailVerificationToken(token, { now: now + 48 * 3600_000 })).toEqual({ ok: false, reason: 'expired' })
  })

  it('refuses a changed claim, signature or signing time, and garbage', () => {
    const token = signEmailVerificationToken({ user: 'u-1', email: 'ana@example.test', now })
    const [payload, issuedAt, digest] = token.split('.')
    const other = Buffer.from(
      JSON.stringify({ user: 'u-2', email: 'ana@example.test', exp: now / 1000 + 3600 }),
    ).toString('base64url')
    for (const bad of [
      `${other}.${issuedAt}.${digest}`,
      `${payload}.${Number(issuedAt) - 1}.${digest}`,
      `${payload}.${issuedAt}.${digest.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))}`,
      `${payload}.${issuedAt}`,
      `${token}.x`,
      '',
      null,
    ])
      expect(verifyEmailVerificationToken(bad, { now })).toEqual({ ok: false, reason: 'invalid' })
  })
})
