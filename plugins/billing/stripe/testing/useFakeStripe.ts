import { afterAll, beforeAll } from 'vitest'
import { resetEnvForTests } from '@/core'
import { startFakeStripe, type FakeStripe } from './fakeStripe'

export const FAKE_STRIPE_SECRET_KEY = 'sk_test_atrium_fake'

/**
 * Starts the fake Stripe server for the current test file (beforeAll) and points the Stripe
 * settings at it, signing webhooks with `webhookSecret`; stops it and clears them afterwards.
 * The result forwards to the running fake; `setStripeEnv(false)` switches Stripe off mid-file.
 */
export const useFakeStripe = (webhookSecret: string): FakeStripe & { setStripeEnv: (on: boolean) => void } => {
  let server: FakeStripe | undefined
  const setStripeEnv = (on: boolean) => {
    const settings = {
      STRIPE_SECRET_KEY: FAKE_STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_HOST: server?.host ?? '',
      STRIPE_API_PORT: String(server?.port ?? ''),
      STRIPE_API_PROTOCOL: server?.protocol ?? '',
    }
    for (const [key, value] of Object.entries(settings)) {
      if (on) process.env[key] = value
      else delete process.env[key]
    }
    resetEnvForTests()
  }
  beforeAll(async () => {
    server = await startFakeStripe()
    setStripeEnv(true)
  })
  afterAll(async () => {
    setStripeEnv(false)
    await server?.close()
  })
  return new Proxy({} as FakeStripe & { setStripeEnv: (on: boolean) => void }, {
    get: (_target, key) => {
      if (key === 'setStripeEnv') return setStripeEnv
      if (!server) throw new Error('The fake Stripe server is not started yet: use it inside tests or hooks.')
      return server[key as keyof FakeStripe]
    },
  })
}
