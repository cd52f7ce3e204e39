import { hkdfSync } from 'node:crypto'
import { getEnv } from '../env'

export type EncryptionKeys = { current: string; keys: Map<string, Buffer> }

let cached: EncryptionKeys | undefined
let cachedFor: string | undefined

/**
 * Keys from ENCRYPTION_KEYS (`id:base64`, first one encrypts). Without it, one key derived from
 * PAYLOAD_SECRET (production refuses a missing PAYLOAD_SECRET, so this never uses the dev default there).
 */
export const encryptionKeys = (): EncryptionKeys => {
  const env = getEnv()
  const source = `${env.ENCRYPTION_KEYS ?? ''}|${env.PAYLOAD_SECRET}`
  if (cached && cachedFor === source) return cached
  const keys = new Map<string, Buffer>()
  let current = ''
  if (env.ENCRYPTION_KEYS) {
    for (const pair of env.ENCRYPTION_KEYS.split(',')) {
      const [id, material] = pair.split(':')
      const key = Buffer.from(material, 'base64')
      if (key.length !== 32) throw new Error(`ENCRYPTION_KEYS: key ${id} is not 32 bytes`)
      keys.set(id, key)
      current ||= id
    }
  } else {
    current = 'derived'
    keys.set(current, Buffer.from(hkdfSync('sha256', env.PAYLOAD_SECRET, 'atrium', 'secrets-at-rest', 32)))
  }
  cached = { current, keys }
  cachedFor = source
  return cached
}
