/**
 * The billing plugin's public face: the events it emits and the shapes of the endpoints the site
 * and other plugins use, as zod schemas with their inferred types. Zod and types only, no server
 * code: the site and other plugins may import this file and nothing else of the plugin.
 */
import { z } from 'zod'
import { definePort } from '@/core/ports/ports'

// ---- Events ----

const id = z.string()
const money = z.object({ amount: z.number(), currency: z.string() })

/** What a payment pays for (`{ collection: 'orders', id }`, `subscriptions`, `appointments`, …). */
const ref = z.object({ collection: z.string(), id })
/** A Stripe subscription's status moved (`syncStripeSubscription`): from and to Stripe's status. */
const stripeStatusChange = z.object({ member: id, from: z.string(), to: z.string(), provider: z.literal('stripe') })
const planOfMember = z.object({ member: id, plan: id })
/** What a period grants (credits and guest passes of the plan). */
const granted = z.object({ credits: z.number(), guestPasses: z.number() })
/** A subscription started at the desk or by the renewal job (`beginSubscription`). */
const begun = planOfMember.extend({
  priceKey: z.string(),
  status: z.string(),
  currentPeriodEnd: z.string().nullish(),
})

export const billingEventSchemas = {
  'payment.succeeded': z.object({
    amount: money,
    provider: z.string(),
    purpose: z.string(),
    member: id.nullable(),
    ref: ref.nullable(),
    /** Stripe payments: the Checkout session and the PaymentIntent. */
    checkoutSession: z.string().optional(),
    providerRef: z.string().nullish(),
  }),
  /** A Stripe Checkout paid (commerce turns one for an order into a paid order). */
  'payment.checkout_completed': z.object({
    amount: money,
    provider: z.string(),
    member: id.nullable(),
    ref: ref.nullable(),
    checkoutSession: z.string(),
    providerRef: z.string().nullish(),
  }),
  /** A Stripe Checkout expired unpaid. */
  'payment.checkout_expired': z.object({ provider: z.string(), ref, checkoutSession: z.string() }),
  /** A refund recorded on our side (`refundPayment`); `providerRefundId` when it was made at the provider. */
  'payment.refunded': z.object({
    amount: money,
    reason: z.string().nullish(),
    amountRefunded: z.number(),
    status: z.string(),
    providerRefundId: z.string().nullish(),
  }),
  /** A refund made in Stripe's dashboard, mirrored onto the payment (`amountRefunded` is cumulative). */
  'payment.refunded_at_provider': z.object({
    amount: z.number(),
    amountRefunded: z.number(),
    status: z.string(),
    reason: z.string().nullish(),
    providerRefundId: z.string(),
  }),
  'subscription.created': z.union([
    begun,
    planOfMember.extend({ priceKey: z.string(), provider: z.literal('stripe') }),
  ]),
  'subscription.activated': z.union([begun, stripeStatusChange]),
  'subscription.reserved': planOfMember.extend({ priceKey: z.string(), invoice: id, amount: money }),
  'subscription.paused': z.union([planOfMember.extend({ status: z.string() }), stripeStatusChange]),
  'subscription.resumed': planOfMember.extend({ status: z.string() }),
  'subscription.past_due': z.union([z.object({ member: id, dunningStage: z.string() }), stripeStatusChange]),
  'subscription.dunning_advanced': z.union([
    z.object({ member: id, dunningStage: z.string() }),
    z.object({ member: id, from: z.string(), to: z.string() }),
  ]),
  'subscription.canceled': z.union([
    planOfMember.extend({ atPeriodEnd: z.boolean().nullish(), endsAt: z.string().nullish() }),
    planOfMember.extend({ reason: z.literal('reservation_expired') }),
    stripeStatusChange,
  ]),
  'subscription.renewed': planOfMember.extend({
    periodStart: z.string(),
    periodEnd: z.string().nullish(),
    /** Manual renewals: the period's invoice. */
    invoice: id.optional(),
    provider: z.literal('stripe').optional(),
    granted,
  }),
  'subscription.ended': planOfMember,
  'subscription.plan_changed': z.object({
    member: id,
    from: z.object({ plan: id, priceKey: z.string() }),
    to: z.object({ plan: id, priceKey: z.string() }),
    /** Manual subscriptions: the credit for the unused period, the new amount, what is due or refunded. */
    proration: z
      .object({
        credit: z.number(),
        newAmount: z.number(),
        due: z.number(),
        currency: z.string(),
        refunded: z.number(),
        unrefunded: z.number(),
      })
      .optional(),
    /** Stripe subscriptions: how Stripe prorates. */
    prorationBehavior: z.string().optional(),
  }),
  'invoice.paid': z.object({
    member: id,
    subscription: id.nullable(),
    amount: money,
    payment: id.nullish(),
  }),
}

type BillingEvents = { [K in keyof typeof billingEventSchemas]: z.infer<(typeof billingEventSchemas)[K]> }
export type PaymentSucceeded = BillingEvents['payment.succeeded']
export type PaymentCheckoutCompleted = BillingEvents['payment.checkout_completed']
export type PaymentCheckoutExpired = BillingEvents['payment.checkout_expired']
export type PaymentRefunded = BillingEvents['payment.refunded']
export type PaymentRefundedAtProvider = BillingEvents['payment.refunded_at_provider']

declare module '@/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends BillingEvents {}
}

// ---- Endpoints ----

const required = z.string({ message: 'is required.' }).min(1, { message: 'is required.' })

/** `POST /api/billing/checkout`: a signed-in member pays a plan price online. */
export const checkoutSessionInput = z.object({
  kind: z.literal('plan', { message: "kind must be 'plan'." }),
  plan: required,
  priceKey: required,
})
export type CheckoutSessionInput = z.input<typeof checkoutSessionInput>
/** Its reply: the Stripe Checkout page to send the member to. */
export const checkoutSessionReplySchema = z.object({ id: z.string(), url: z.string() })
export type CheckoutSessionReply = z.infer<typeof checkoutSessionReplySchema>

/** `POST /api/billing/portal`: the Stripe customer portal for the signed-in member of `tenant`. */
export const portalSessionInput = z.object({ tenant: required })
export type PortalSessionInput = z.input<typeof portalSessionInput>
export const portalSessionReplySchema = z.object({ url: z.string() })
export type PortalSessionReply = z.infer<typeof portalSessionReplySchema>

/** `POST /api/subscriptions/reserve`: reserve a plan price now, pay at the desk (`member` for desk staff). */
export const reserveSubscriptionInput = z.object({
  plan: z.string({ message: 'plan is required.' }).min(1, { message: 'plan is required.' }),
  priceKey: z.string({ message: 'priceKey is required.' }).min(1, { message: 'priceKey is required.' }),
  member: z.string().min(1, { message: 'member must be a membership id.' }).nullish(),
})
export type ReserveSubscriptionInput = z.input<typeof reserveSubscriptionInput>

// ---- Ports ----
// Asked by billing (`callPort`), answered by the plugin that implements them (commerce). Each
// fallback is what happens when no installed plugin implements the port.

export type GrantCreditsPortInput = {
  tenant: string
  member: string
  credits: number
  creditType: 'class' | 'appointment' | 'guest_pass' | 'any'
  source: 'subscription_grant' | 'guest_pass_reset'
  expiresAt?: string | null
  /** The subscription and period the grant belongs to: one grant per (subscription, periodKey, source). */
  subscription: string
  periodKey: string
}
export type GrantCreditsPortResult =
  | { ok: true; lot: string; granted: boolean }
  | { ok: false; code: string; reason: string }

/** Grants a subscription's credits or guest passes for one period, once. Fallback: credits are unavailable. */
export const grantCreditsPort = definePort<GrantCreditsPortInput, GrantCreditsPortResult>('credits.grant', () => ({
  ok: false,
  code: 'credits_unavailable',
  reason: 'Credits are not available for this business.',
}))

// ---- marketing ----
// Asked by marketing's time triggers (intro offer ending, membership ending) and re-asked at send
// time; answered by billing. Without billing nothing ends (empty list).

export type EndingSubscriptionsInput = {
  tenant: string
  /**
   * `trial`: the intro offer: subscriptions still in their trial (`trialing`) whose `trialEnd`
   * falls in the window. `term`: memberships that end: not canceled yet, set to cancel at period
   * end, whose `currentPeriodEnd` falls in the window.
   */
  kind: 'trial' | 'term'
  /** The window (ISO instants), exclusive of `after`, inclusive of `until`. */
  after: string
  until: string
  /** Only these subscriptions (the send-time re-check). */
  subscriptions?: string[]
  limit?: number
}
export type EndingSubscription = { subscription: string; member: string; endsAt: string }

/** The tenant's subscriptions whose trial or term ends in a window. Fallback: none. */
export const endingSubscriptionsPort = definePort<EndingSubscriptionsInput, EndingSubscription[]>(
  'marketing.endingSubscriptions',
  () => [],
)

/** Marketing's Mailchimp plan tags: the tenant's plan names and these members' current plans. */
export type MemberPlansInput = { tenant: string; members: string[] }
export type MemberPlans = {
  /** Every plan name of the tenant (a tag for a plan the member does not hold is switched off). */
  plans: string[]
  /** Each member's current plans: a subscription trialing, active or past due. */
  members: {
    member: string
    plans: string[]
    /** mkt_rest: those of `plans` whose subscription is past due (payment being chased). */
    pastDue?: string[]
  }[]
}

/** The tenant's plans and the members' current ones. Fallback: no plans (no plan tags). */
export const memberPlansPort = definePort<MemberPlansInput, MemberPlans>('marketing.memberPlans', () => ({
  plans: [],
  members: [],
}))
// ---- /marketing ----

// ---- creator payouts ----
export type ContentPlanInput = { tenant: string; plan: string }
/** Whether the plan is a content tier (it opens creator content): its payments are creator sales. */
export type ContentPlanResult = { content: boolean }

/**
 * Is this membership plan a content-tier subscription (seed 004's subscription tiers), on whose
 * payments the platform takes its fee? lms implements it (a plan whose `lms` content rules open the
 * full catalog, a category, a course or a content item). Fallback: no (no lms, no creator sales).
 */
export const contentPlanPort = definePort<ContentPlanInput, ContentPlanResult>('billing.contentPlan', () => ({
  content: false,
}))
// ---- end creator payouts ----
