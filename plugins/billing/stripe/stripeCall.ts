import Stripe from 'stripe'
import { OperationError } from '@/core'

/** Runs Stripe calls made for a user's request; Stripe's refusals and outages become 502 `stripe_error`. */
export const stripeCall = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work()
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError)
      throw new OperationError(502, 'stripe_error', `Stripe could not complete the request: ${error.message}`)
    throw error
  }
}
