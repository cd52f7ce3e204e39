import Stripe from 'stripe'
import { getEnv, OperationError } from '@/core'

let cached: { signature: string; client: Stripe } | undefined

/**
 * The platform's Stripe client (Connect: every call names the tenant's account with
 * `stripeAccount`), built from STRIPE_SECRET_KEY and, for tests and local fakes,
 * STRIPE_API_HOST/PORT/PROTOCOL. Null when no key is configured: the embedded default, where
 * billing stays manual and members pay at the desk.
 */
export const stripeClient = (): Stripe | null => {
  const env = getEnv()
  if (!env.STRIPE_SECRET_KEY) return null
  const signature = [env.STRIPE_SECRET_KEY, env.STRIPE_API_HOST, env.STRIPE_API_PORT, env.STRIPE_API_PROTOCOL].join('|')
  if (cached?.signature !== signature) {
    cached = {
      signature,
      client: new Stripe(env.STRIPE_SECRET_KEY, {
        maxNetworkRetries: 2,
        telemetry: false,
        appInfo: { name: 'Atrium' },
        ...(env.STRIPE_API_HOST ? { host: env.STRIPE_API_HOST } : {}),
        ...(env.STRIPE_API_PORT ? { port: env.STRIPE_API_PORT } : {}),
        ...(env.STRIPE_API_PROTOCOL ? { protocol: env.STRIPE_API_PROTOCOL } : {}),
      }),
    }
  }
  return cached.client
}

/** The client, or 409 `stripe_not_configured` pointing the member to the desk. */
export const requireStripeClient = (): Stripe => {
  const client = stripeClient()
  if (!client)
    throw new OperationError(
      409,
      'stripe_not_configured',
      'Online payment is not available here: please pay at the front desk.',
    )
  return client
}
