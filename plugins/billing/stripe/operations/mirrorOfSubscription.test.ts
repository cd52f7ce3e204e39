import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { dunningOf, mirrorOfSubscription } from './mirrorOfSubscription'

const invoice = (fields: Partial<Stripe.Invoice>) =>
  ({
    id: 'in_1',
    object: 'invoice',
    status: 'open',
    attempt_count: 0,
    next_payment_attempt: 1_900_000_000,
    ...fields,
  }) as Stripe.Invoice
const subscription = (fields: Partial<Stripe.Subscription>) =>
  ({
    id: 'sub_1',
    object: 'subscription',
    status: 'active',
    customer: 'cus_1',
    cancel_at_period_end: false,
    canceled_at: null,
    trial_end: null,
    pause_collection: null,
    latest_invoice: null,
    items: { object: 'list', data: [{ current_period_start: 1_800_000_000, current_period_end: 1_802_592_000 }] },
    ...fields,
  }) as unknown as Stripe.Subscription

describe('dunning read from the latest invoice', () => {
  it('goes retrying → final_notice → suspended and back to none when paid', () => {
    expect(dunningOf(null)).toBe('none')
    expect(dunningOf(invoice({ attempt_count: 0 }))).toBe('none')
    expect(dunningOf(invoice({ attempt_count: 1 }))).toBe('retrying')
    expect(dunningOf(invoice({ attempt_count: 2 }))).toBe('final_notice')
    expect(dunningOf(invoice({ attempt_count: 4, next_payment_attempt: null }))).toBe('suspended')
    expect(dunningOf(invoice({ status: 'uncollectible', attempt_count: 4 }))).toBe('suspended')
    expect(dunningOf(invoice({ status: 'paid', attempt_count: 3, next_payment_attempt: null }))).toBe('none')
    expect(dunningOf(invoice({ status: 'void', attempt_count: 3, next_payment_attempt: null }))).toBe('none')
  })
})

describe('a Stripe subscription mirrored', () => {
  it('maps statuses, periods on the item, pauses and dunning', () => {
    expect(mirrorOfSubscription(subscription({}))).toEqual({
      status: 'active',
      dunningStage: 'none',
      stripeCustomerId: 'cus_1',
      currentPeriodStart: new Date(1_800_000_000_000).toISOString(),
      currentPeriodEnd: new Date(1_802_592_000_000).toISOString(),
      trialEnd: null,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      pauseUntil: null,
    })
    expect(mirrorOfSubscription(subscription({ status: 'incomplete_expired' })).status).toBe('canceled')
    expect(mirrorOfSubscription(subscription({ status: 'unpaid' })).status).toBe('past_due')
    expect(
      mirrorOfSubscription(subscription({ pause_collection: { behavior: 'void', resumes_at: null } })).status,
    ).toBe('paused')
    expect(mirrorOfSubscription(subscription({ status: 'paused' })).status).toBe('paused')
    expect(
      mirrorOfSubscription(subscription({ pause_collection: { behavior: 'void', resumes_at: 1_801_000_000 } })),
    ).toMatchObject({ status: 'paused', pauseUntil: new Date(1_801_000_000_000).toISOString() })
    const failing = mirrorOfSubscription(
      subscription({ status: 'active', latest_invoice: invoice({ attempt_count: 1 }) }),
    )
    expect(failing).toMatchObject({ status: 'past_due', dunningStage: 'retrying' })
    expect(
      mirrorOfSubscription(
        subscription({ status: 'canceled', canceled_at: 1_801_000_000, cancel_at_period_end: true }),
      ),
    ).toMatchObject({
      status: 'canceled',
      canceledAt: new Date(1_801_000_000_000).toISOString(),
      cancelAtPeriodEnd: true,
    })
  })
})
