import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { encryptionKeys } from './encryptionKeys'

const PREFIX = 'enc1'

/** AES-256-GCM envelope `enc1.<keyId>.<iv>.<tag>.<ciphertext>` of a JSON value. */
export const encryptSecret = (value: unknown): string => {
  const { current, keys } = encryptionKeys()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keys.get(current)!, iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()])
  const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'))
  return [PREFIX, current, ...parts].join('.')
}

export const isEncrypted = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(`${PREFIX}.`)

/** Decrypts an envelope made by `encryptSecret` with any configured key (rotation). */
export const decryptSecret = <T = unknown>(envelope: string): T => {
  const [prefix, keyId, iv, tag, body] = envelope.split('.')
  if (prefix !== PREFIX || !body) throw new Error('Not an encrypted secret')
  const key = encryptionKeys().keys.get(keyId)
  if (!key) throw new Error(`Secret was encrypted with unknown key "${keyId}"`)
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()])
  return JSON.parse(plain.toString('utf8')) as T
}

/** The key id an envelope was made with (for rotation jobs). */
export const secretKeyId = (envelope: string): string => envelope.split('.')[1] ?? ''
