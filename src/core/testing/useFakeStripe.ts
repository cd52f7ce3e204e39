import Stripe from 'stripe'
import { afterAll, beforeAll } from 'vitest'
import { resetEnvForTests } from '../env'
import { startFakeStripe, type FakeStripe } from './fakeStripe'

export const FAKE_STRIPE_SECRET_KEY = 'sk_test_atrium_fake'

type Extras = {
  setStripeEnv: (on: boolean) => void
  /** POSTs `event` to the app's Stripe webhook at `baseUrl`, signed with the file's webhook secret: status and JSON body. */
  deliver: (baseUrl: string, event: Stripe.Event) => Promise<{ status: number; body: Record<string, unknown> }>
}

const signer = new Stripe('sk_test_signing_only').webhooks

/**
 * Starts the fake Stripe server for the current test file (beforeAll) and points the Stripe
 * settings at it, signing webhooks with `webhookSecret`; stops it and clears them afterwards.
 * The result forwards to the running fake; `setStripeEnv(false)` switches Stripe off mid-file.
 */
export const useFakeStripe = (webhookSecret: string): FakeStripe & Extras => {
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
  const deliver: Extras['deliver'] = async (baseUrl, event) => {
    const payload = JSON.stringify(event)
    const res = await fetch(`${baseUrl}/api/billing/stripe/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'stripe-signature': signer.generateTestHeaderString({ payload, secret: webhookSecret }),
      },
      body: payload,
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  return new Proxy({} as FakeStripe & Extras, {
    get: (_target, key) => {
      if (key === 'setStripeEnv') return setStripeEnv
      if (key === 'deliver') return deliver
      if (!server) throw new Error('The fake Stripe server is not started yet: use it inside tests or hooks.')
      return server[key as keyof FakeStripe]
    },
  })
}
