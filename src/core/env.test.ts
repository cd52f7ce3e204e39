import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env'

const strong = 'x'.repeat(32)

describe('parseEnv', () => {
  it('refuses production without a strong PAYLOAD_SECRET, naming the variable', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(EnvError)
    expect(() => parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'short-but-16-chars' })).toThrow(
      /PAYLOAD_SECRET: is required in production/,
    )
    expect(parseEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: strong }).PAYLOAD_SECRET).toBe(strong)
  })

  it('lets `next build` collect page data without any secret, and only the build', () => {
    const env = parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' })
    expect(env.NODE_ENV).toBe('production')
    expect(() => parseEnv({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-server' })).toThrow(/PAYLOAD_SECRET/)
  })

  it('names each bad variable', () => {
    expect(() => parseEnv({ NODE_ENV: 'development', PORT: 'abc', REDIS_URL: 'http://x' })).toThrow(
      /PORT:[\s\S]*REDIS_URL: must be a redis/,
    )
  })
  // ---- Web push ----
  it('takes the VAPID key pair together or not at all', () => {
    const publicKey = 'B'.repeat(87)
    const privateKey = 'p'.repeat(43)
    expect(
      parseEnv({ NODE_ENV: 'development', VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey })
        .VAPID_PUBLIC_KEY,
    ).toBe(publicKey)
    expect(() => parseEnv({ NODE_ENV: 'development', VAPID_PUBLIC_KEY: publicKey })).toThrow(
      /VAPID_PRIVATE_KEY: .*set together/,
    )
    expect(() =>
      parseEnv({ NODE_ENV: 'development', VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: privateKey }),
    ).toThrow(/VAPID_PUBLIC_KEY: must be/)
    expect(() => parseEnv({ NODE_ENV: 'development', VAPID_SUBJECT: 'admin@example.com' })).toThrow(
      /VAPID_SUBJECT: must be a mailto/,
    )
  })
  // ---- /Web push ----
})
