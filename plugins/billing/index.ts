import type { Config, Plugin } from 'payload'
import { clonePlain } from '@/core/clonePlain'
import { implementPort, withSqlTables } from '@/core'
import { billingSqlTables } from './operations/sql/billingSqlTables'
import { defaultBillingOptions } from './defaults'
import type { BillingOptions } from './types'
import { canBookPort, refundPaymentPort } from '@plugins/bookings/contract'
import { withBillingHome, withMemberBilling } from './admin/adminExtensions'
import { BillingGroups } from './collections/BillingGroups'
import { Invoices } from './collections/Invoices'
import { MembershipPlans } from './collections/MembershipPlans'
import { Payments } from './collections/Payments'
import { PlanFeatures } from './collections/PlanFeatures'
import { Subscriptions } from './collections/Subscriptions'
import { UsageRecords } from './collections/UsageRecords'
import {
  paymentSummaryPort,
  recordOrderPaymentPort,
  refundOrderPaymentPort,
  refundWholePaymentPort,
  startPaymentCheckoutPort,
} from '@plugins/commerce/contract'
import { withBillingEvents } from './events'
// ---- facility ----
import { releaseIncludedMinutesPort, useIncludedMinutesPort } from '@plugins/facility/contract'
import { releaseIncludedMinutes, useIncludedMinutes } from './operations/facilityIncludedMinutes'
// ---- end facility ----
import { renewSubscriptionsTask } from './jobs/renewSubscriptionsTask'
import { canBook } from './operations/canBook'
import { paymentSummary } from './operations/paymentSummary'
import { recordOrderPayment } from './operations/recordOrderPayment'
import { refundOrderPayment } from './operations/refundOrderPayment'
import { refundPaymentsForRef } from './operations/refundPaymentsForRef'
import { refundWholePayment } from './operations/refundWholePayment'
import { createPaymentCheckout } from './stripe/operations/createPaymentCheckout'
import { withStripe } from './stripe'
// ---- marketing ----
import { endingSubscriptionsPort, memberPlansPort } from './contract'
import { endingSubscriptions } from './operations/endingSubscriptions'
import { memberPlans } from './operations/memberPlans'
// ---- /marketing ----
// ---- creator payouts ----
import { creatorEarningsPort } from '@plugins/lms/contract'
import { creatorEarnings } from './operations/creatorEarnings'
import { platformFeeField } from './fields/platformFeeField'
// ---- end creator payouts ----

export type { BillingOptions } from './types'

/**
 * Billing: payments recorded at the desk and their refunds, membership plans with entitlements,
 * subscriptions (manual by default, renewed by a daily job), invoices, billing groups and usage
 * quotas. Implements bookings' `guards.canBook` and `payments.refund`, and commerce's payment
 * ports (desk payments of orders, their refunds, Stripe Checkout for an order; see README).
 */
export const billingPlugin =
  (options: BillingOptions = {}): Plugin =>
  (config) => {
    const o = { ...defaultBillingOptions, ...options }
    const renew = { ...renewSubscriptionsTask, schedule: [{ cron: o.renewCron, queue: o.queue }] }
    let next: Config = {
      ...config,
      // ⊕ core's tenants: the platform fee override on creator sales (platform admins set it).
      // Fresh copies: building a config sanitises collections in place, and tests build it twice.
      collections: [
        ...(config.collections ?? []).map((c) =>
          c.slug === 'tenants' ? { ...c, fields: [...c.fields, platformFeeField()] } : c,
        ),
        ...clonePlain([Payments, MembershipPlans, PlanFeatures, Subscriptions, Invoices, BillingGroups, UsageRecords]),
      ],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), renew] },
    }
    next = implementPort(next, canBookPort, canBook)
    next = implementPort(next, refundPaymentPort, refundPaymentsForRef)
    next = implementPort(next, recordOrderPaymentPort, recordOrderPayment)
    next = implementPort(next, refundOrderPaymentPort, refundOrderPayment)
    next = implementPort(next, refundWholePaymentPort, refundWholePayment)
    next = implementPort(next, paymentSummaryPort, paymentSummary)
    // ---- facility ---- included minutes per tier per day, metered in usage records
    next = implementPort(next, useIncludedMinutesPort, useIncludedMinutes)
    next = implementPort(next, releaseIncludedMinutesPort, releaseIncludedMinutes)
    // ---- end facility ----
    next = implementPort(next, startPaymentCheckoutPort, async (req, input) => ({
      ok: true as const,
      ...(await createPaymentCheckout(req, input)),
    }))
    // ---- marketing ----
    next = implementPort(next, endingSubscriptionsPort, endingSubscriptions)
    next = implementPort(next, memberPlansPort, memberPlans)
    // ---- /marketing ----
    next = implementPort(next, creatorEarningsPort, creatorEarnings)
    next = withBillingEvents(next)
    next = withStripe(next)
    next = withMemberBilling(withBillingHome(next))
    next = withSqlTables(next, billingSqlTables)
    return next
  }
