import type { Plugin } from 'payload'
import { clonePlain } from '@/core/clonePlain'
import { Payments } from './collections/Payments'

export { recordManualPayment, type ManualPaymentInput, type PaymentDoc } from './operations/recordManualPayment'
export { refundPayment, type RefundPaymentInput, type RefundPaymentResult } from './operations/refundPayment'

export type BillingOptions = Record<string, never>

/**
 * Billing: payments recorded at the desk (cash, terminal, manual) and their refunds. Plans,
 * subscriptions, invoices and Stripe arrive later (see README).
 */
export const billingPlugin =
  (_options: BillingOptions = {}): Plugin =>
  (config) => ({
    ...config,
    // Fresh copies: building a config sanitises collections in place, and tests build it twice.
    collections: [...(config.collections ?? []), ...clonePlain([Payments])],
  })
