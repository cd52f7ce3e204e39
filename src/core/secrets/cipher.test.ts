import { randomBytes } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'

const load = async (keys: string) => {
  vi.resetModules()
  process.env.ENCRYPTION_KEYS = keys
  const env = await import('../env')
  env.resetEnvForTests()
  return import('./cipher')
}

const key = () => randomBytes(32).toString('base64')

describe('secrets at rest', () => {
  it('round-trips a value and never stores the plaintext', async () => {
    const { encryptSecret, decryptSecret } = await load(`k1:${key()}`)
    const envelope = encryptSecret({ apiKey: 'sk_live_secret' })
    expect(envelope).not.toContain('sk_live_secret')
    expect(envelope.startsWith('enc1.k1.')).toBe(true)
    expect(decryptSecret(envelope)).toEqual({ apiKey: 'sk_live_secret' })
    expect(encryptSecret({ apiKey: 'sk_live_secret' })).not.toBe(envelope)
  })

  it('rejects a tampered envelope', async () => {
    const { encryptSecret, decryptSecret } = await load(`k1:${key()}`)
    const parts = encryptSecret('hello').split('.')
    const body = Buffer.from(parts[4], 'base64url')
    body[0] ^= 0xff
    parts[4] = body.toString('base64url')
    expect(() => decryptSecret(parts.join('.'))).toThrow()
  })

  it('decrypts with an older key after rotation and encrypts with the new one', async () => {
    const oldKey = key()
    const before = await load(`k1:${oldKey}`)
    const envelope = before.encryptSecret('rotate me')
    const after = await load(`k2:${key()},k1:${oldKey}`)
    expect(after.decryptSecret(envelope)).toBe('rotate me')
    expect(after.secretKeyId(after.encryptSecret('x'))).toBe('k2')
  })
})
