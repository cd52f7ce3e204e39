import type { Config } from 'payload'
import { DESK_ROLES, MANAGER_ROLES, withHomeWidgets, withMemberJoins } from '@/core'

/** The billing panels of the staff home: revenue (managers) and payments to chase (the desk). */
export const withBillingHome = (config: Config): Config =>
  withHomeWidgets(config, [
    {
      slug: 'billing-revenue',
      Component: '@plugins/billing/admin/RevenueWidget#RevenueWidget',
      label: 'Revenue',
      audience: { roles: MANAGER_ROLES },
      order: 20,
    },
    {
      slug: 'billing-payment-problems',
      Component: '@plugins/billing/admin/PaymentProblemsWidget#PaymentProblemsWidget',
      label: 'Payments to chase',
      audience: { roles: DESK_ROLES },
      order: 30,
    },
  ])

/** A member's subscriptions and payments on their page in the admin. */
export const withMemberBilling = (config: Config): Config =>
  withMemberJoins(config, [
    {
      name: 'subscriptions',
      label: 'Subscriptions',
      collection: 'subscriptions',
      defaultColumns: ['plan', 'status', 'currentPeriodEnd', 'provider'],
    },
    {
      name: 'payments',
      label: 'Payments',
      collection: 'payments',
      defaultColumns: ['purpose', 'amount', 'status', 'provider', 'createdAt'],
    },
  ])
