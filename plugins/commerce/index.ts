import type { Config, Plugin } from 'payload'
import { clonePlain } from '@/core/clonePlain'
import { implementPort, withSqlTables } from '@/core'
import { creditBalancePort, debitCreditsPort, refundCreditsPort } from '@plugins/bookings/contract'
import { grantCreditsPort } from '@plugins/billing/contract'
// ---- facility ----
import {
  orderDayPassesPort,
  payFeePort,
  refundFeePort,
  releaseFeeOrderPort,
  restoreGuestPassPort,
  spendGuestPassPort,
} from '@plugins/facility/contract'
import {
  orderDayPasses,
  payFee,
  refundFee,
  releaseFeeOrder,
  restoreGuestPass,
  spendGuestPass,
} from './operations/facilityPorts'
// ---- end facility ----
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
import { withMemberCommerce } from './admin/memberJoins'
import { defaultCommerceOptions } from './defaults'
import type { CommerceOptions } from './types'
import { withPosScreen } from './admin/posScreen'
import { withCommerceEvents } from './events'
import { commerceSqlTables } from './operations/sql/commerceSqlTables'
import { orderPaymentsTable } from './operations/sql/ordersTable'
// ---- marketing ----
import { expiringPacksPort, lowCreditHoldersPort } from './contract'
import { expiringPacks, lowCreditHolders } from './operations/marketingCredits'
// ---- /marketing ----
// ---- website offers ----
import { advertisedOfferPort } from '@plugins/website/contract'
import { advertisedOffer } from './operations/advertisedOffer'
// ---- /website offers ----

export { checkout, type CheckoutInput, type CheckoutResult } from './operations/checkout'
export { refundOrder, type RefundOrderInput } from './operations/refundOrder'
export { debitCredits } from './operations/debitCredits'
export { refundCredits } from './operations/refundCredits'
export { grantCredits } from './operations/grantCredits'

export type { CommerceOptions } from './types'

/**
 * Commerce: products, POS orders, gift cards, coupons, class packs and the credits ledger.
 * Records payments through the ports of its contract (billing implements them when installed
 * before it; without billing the desk takes cash and the order is the record). Implements
 * credits.debit, credits.refund, credits.balance and credits.grant (subscription periods).
 */
export const commercePlugin =
  (options: CommerceOptions = {}): Plugin =>
  (config) => {
    const o = { ...defaultCommerceOptions, ...options }
    const expireCredits = { ...expireCreditLotsTask, schedule: [{ cron: o.expireCreditsCron, queue: o.queue }] }
    const expireOrders = { ...expirePendingOrdersTask, schedule: [{ cron: o.expireOrdersCron, queue: o.queue }] }
    const collections = (config.collections ?? []).map((collection) =>
      collection.slug === 'tenant-settings'
        ? { ...collection, fields: [...collection.fields, commerceSettingsField()] }
        : collection,
    )
    // `orders.payment` links a sale to the payments plugin's record (billing, installed before
    // commerce); without one there is no such collection and the order alone records the sale.
    const hasPayments = collections.some((collection) => collection.slug === 'payments')
    const orders = hasPayments
      ? Orders
      : { ...Orders, fields: Orders.fields.filter((field) => !('name' in field) || field.name !== 'payment') }
    let next: Config = {
      ...config,
      // Fresh copies: building a config sanitises collections in place, and tests build it twice.
      collections: [
        ...collections,
        ...clonePlain([
          Products,
          orders,
          GiftCards,
          GiftCardTransactions,
          Coupons,
          CouponRedemptions,
          CreditLots,
          CreditLedger,
          TaxRates,
        ]),
      ],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), expireCredits, expireOrders] },
    }
    next = implementPort(next, debitCreditsPort, debitCredits)
    next = implementPort(next, refundCreditsPort, refundCredits)
    next = implementPort(next, creditBalancePort, spendableCredits)
    next = implementPort(next, grantCreditsPort, grantPeriodCredits)
    // ---- marketing ----
    next = implementPort(next, lowCreditHoldersPort, lowCreditHolders)
    next = implementPort(next, expiringPacksPort, expiringPacks)
    // ---- /marketing ----
    // ---- facility ---- guest passes from the credits ledger, fees and day passes as orders
    next = implementPort(next, spendGuestPassPort, spendGuestPass)
    next = implementPort(next, restoreGuestPassPort, restoreGuestPass)
    next = implementPort(next, payFeePort, payFee)
    next = implementPort(next, releaseFeeOrderPort, releaseFeeOrder)
    next = implementPort(next, refundFeePort, refundFee)
    next = implementPort(next, orderDayPassesPort, orderDayPasses)
    // ---- end facility ----
    // ---- website offers ---- coupons marked "advertise" are the website's offers
    next = implementPort(next, advertisedOfferPort, advertisedOffer)
    // ---- /website offers ----
    next = withCommerceEvents(next)
    next = withSqlTables(next, hasPayments ? [...commerceSqlTables, orderPaymentsTable] : commerceSqlTables)
    return withMemberCommerce(withPosScreen(next))
  }
