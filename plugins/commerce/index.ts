import type { Config, Plugin } from 'payload'
import { clonePlain } from '@/core/clonePlain'
import { creditBalancePort, debitCreditsPort, grantCreditsPort, implementPort, refundCreditsPort } from '@/core'
import { CouponRedemptions } from './collections/CouponRedemptions'
import { Coupons } from './collections/Coupons'
import { CreditLedger } from './collections/CreditLedger'
import { CreditLots } from './collections/CreditLots'
import { GiftCardTransactions } from './collections/GiftCardTransactions'
import { GiftCards } from './collections/GiftCards'
import { Orders } from './collections/Orders'
import { Products } from './collections/Products'
import { TaxRates } from './collections/TaxRates'
import { expireCreditLotsTask } from './jobs/expireCreditLotsTask'
import { expirePendingOrdersTask } from './jobs/expirePendingOrdersTask'
import { commerceSettingsField } from './fields/commerceSettingsField'
import { debitCredits } from './operations/debitCredits'
import { refundCredits } from './operations/refundCredits'
import { grantPeriodCredits } from './operations/grantPeriodCredits'
import { spendableCredits } from './operations/spendableCredits'
import { withPosScreen } from './admin/posScreen'
import { withCommerceEvents } from './events'

export { checkout, type CheckoutInput, type CheckoutResult } from './operations/checkout'
export { refundOrder, type RefundOrderInput } from './operations/refundOrder'
export { debitCredits } from './operations/debitCredits'
export { refundCredits } from './operations/refundCredits'
export { grantCredits } from './operations/grantCredits'

export type CommerceOptions = Record<string, never>

/**
 * Commerce: products, POS orders, gift cards, coupons, class packs and the credits ledger.
 * Needs billingPlugin() before it (orders reference payments). Implements credits.debit and
 * credits.refund, credits.balance and credits.grant (subscription periods).
 */
export const commercePlugin =
  (_options: CommerceOptions = {}): Plugin =>
  (config) => {
    const collections = (config.collections ?? []).map((collection) =>
      collection.slug === 'tenant-settings'
        ? { ...collection, fields: [...collection.fields, commerceSettingsField()] }
        : collection,
    )
    let next: Config = {
      ...config,
      // Fresh copies: building a config sanitises collections in place, and tests build it twice.
      collections: [
        ...collections,
        ...clonePlain([
          Products,
          Orders,
          GiftCards,
          GiftCardTransactions,
          Coupons,
          CouponRedemptions,
          CreditLots,
          CreditLedger,
          TaxRates,
        ]),
      ],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), expireCreditLotsTask, expirePendingOrdersTask] },
    }
    next = implementPort(next, debitCreditsPort, debitCredits)
    next = implementPort(next, refundCreditsPort, refundCredits)
    next = implementPort(next, creditBalancePort, spendableCredits)
    next = implementPort(next, grantCreditsPort, grantPeriodCredits)
    next = withCommerceEvents(next)
    return withPosScreen(next)
  }
