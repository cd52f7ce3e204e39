import type { Config, Plugin } from 'payload'
import { clonePlain } from '@/core/clonePlain'
import { canBookPort, implementPort, refundPaymentPort } from '@/core'
import { BillingGroups } from './collections/BillingGroups'
import { Invoices } from './collections/Invoices'
import { MembershipPlans } from './collections/MembershipPlans'
import { Payments } from './collections/Payments'
import { PlanFeatures } from './collections/PlanFeatures'
import { Subscriptions } from './collections/Subscriptions'
import { UsageRecords } from './collections/UsageRecords'
import { withBillingEvents } from './events'
import { renewSubscriptionsTask } from './jobs/renewSubscriptionsTask'
import { canBook } from './operations/canBook'
import { refundPaymentsForRef } from './operations/refundPaymentsForRef'
import { withStripe } from './stripe'

export { recordManualPayment, type ManualPaymentInput, type PaymentDoc } from './operations/recordManualPayment'
export { refundPayment, type RefundPaymentInput, type RefundPaymentResult } from './operations/refundPayment'
export { refundWholePayment } from './operations/refundWholePayment'
export { startManualSubscription } from './operations/startManualSubscription'
export { reserveSubscription } from './operations/reserveSubscription'
export { memberOfUser } from './stripe/operations/memberOfUser'
export { createPaymentCheckout } from './stripe/operations/createPaymentCheckout'

export type BillingOptions = Record<string, never>

/**
 * Billing: payments recorded at the desk and their refunds, membership plans with entitlements,
 * subscriptions (manual by default, renewed by a daily job), invoices, billing groups and usage
 * quotas. Implements `guards.canBook` and `payments.refund` (see README).
 */
export const billingPlugin =
  (_options: BillingOptions = {}): Plugin =>
  (config) => {
    let next: Config = {
      ...config,
      // Fresh copies: building a config sanitises collections in place, and tests build it twice.
      collections: [
        ...(config.collections ?? []),
        ...clonePlain([Payments, MembershipPlans, PlanFeatures, Subscriptions, Invoices, BillingGroups, UsageRecords]),
      ],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), renewSubscriptionsTask] },
    }
    next = implementPort(next, canBookPort, canBook)
    next = implementPort(next, refundPaymentPort, refundPaymentsForRef)
    next = withBillingEvents(next)
    next = withStripe(next)
    return next
  }
