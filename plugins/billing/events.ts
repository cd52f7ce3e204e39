import type { Config } from 'payload'
import { defineEvents, subscribe, type Subscriber } from '@/core'
import { billingEventSchemas } from './contract'
import { releaseUsage } from './operations/releaseUsage'

/** Events billing consumes. */
export const billingSubscribers: Subscriber[] = [
  { name: 'billing.releaseUsage', event: 'booking.cancelled', handler: releaseUsage },
]

/**
 * The events billing emits, registered with their zod schemas (declared with their payload types
 * in contract.ts, `// ---- Events ----`), and its subscribers (the Stripe adapter adds its own).
 */
export const withBillingEvents = (config: Config): Config =>
  subscribe(defineEvents(config, billingEventSchemas), ...billingSubscribers)
