import type { Config } from 'payload'
import { DESK_ROLES, MANAGER_ROLES, withHomeWidgets } from '@/core'

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
