import { randomBytes } from 'node:crypto'
import { Webhook } from 'standardwebhooks'

/** A new Standard Webhooks signing secret: `whsec_` and 24 random bytes in base64. */
export const newSigningSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`

/** Whether `secret` is usable by Standard Webhooks (base64, optionally prefixed `whsec_`, at least 16 bytes). */
export const isValidSigningSecret = (secret: unknown): secret is string => {
  if (typeof secret !== 'string') return false
  const raw = secret.startsWith('whsec_') ? secret.slice(6) : secret
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(raw) || Buffer.from(raw, 'base64').length < 16) return false
  try {
    new Webhook(secret)
    return true
  } catch {
    return false
  }
}
