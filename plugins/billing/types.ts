/** The billing plugin's options and shared vocabularies. */

export type BillingOptions = {
  /** When the daily renewal of manual subscriptions runs (six-field cron, seconds first). */
  renewCron?: string
  /** The jobs queue of its scheduled work. */
  queue?: string
}

export const PRICE_INTERVALS = ['week', 'month', 'year', 'one_time'] as const
export type PriceInterval = (typeof PRICE_INTERVALS)[number]

export const SUBSCRIPTION_STATUSES = ['incomplete', 'trialing', 'active', 'past_due', 'paused', 'canceled'] as const
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number]

export const DUNNING_STAGES = ['none', 'retrying', 'final_notice', 'suspended'] as const

/** `refunded`: a paid invoice whose payment was refunded in full (at the desk or in Stripe). */
export const INVOICE_STATUSES = ['draft', 'open', 'paid', 'void', 'uncollectible', 'refunded'] as const

/** Which plan feature covers a booking target (`guards.canBook`). */
export const FEATURE_FOR_TARGET: Record<string, string> = {
  classes: 'classes',
  appointments: 'appointments',
  events: 'events',
  reservations: 'reservations',
}

export type PlanPrice = {
  id?: string
  key: string
  interval: PriceInterval
  intervalCount: number
  amount: number
  currency: string
  active: boolean
  stripePriceId?: string | null
}

export type PlanDoc = {
  id: string
  tenant: string | { id: string }
  name: string
  active: boolean
  trialDays?: number | null
  prices?: PlanPrice[] | null
  creditGrantPerPeriod?: number | null
  creditExpiryDays?: number | null
  guestPassesPerPeriod?: number | null
  contentAccess?: string[] | null
}

export type SubscriptionDoc = {
  id: string
  tenant: string
  member: string
  plan: string
  priceKey: string
  status: SubscriptionStatus
  provider: 'manual' | 'stripe'
  currentPeriodStart?: string | null
  currentPeriodEnd?: string | null
  trialEnd?: string | null
  cancelAtPeriodEnd?: boolean | null
  canceledAt?: string | null
  pausedAt?: string | null
  dunningStage?: string | null
}
