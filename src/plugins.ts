import type { Plugin } from 'payload'
import { tenancyPlugin } from '@/core/tenancy/tenancyPlugin'
import { billingPlugin } from '@plugins/billing'
import { commercePlugin } from '@plugins/commerce'
import { bookingsPlugin } from '@plugins/bookings'

/**
 * The ordered list of domain plugins. Each may add collections, hooks, endpoints, jobs,
 * subscribers and port implementations; removing one leaves a working app.
 * The tenancy plugin (multi-tenant, configured from every `tenantScoped` collection) goes last.
 */
export const domainPlugins: Plugin[] = [billingPlugin(), commercePlugin(), bookingsPlugin()]

/** The app's plugins: the domain plugins (`domain`, by default all of them), `extra`, then tenancy. */
export const plugins = (extra: Plugin[] = [], domain: Plugin[] = domainPlugins): Plugin[] => [
  ...domain,
  ...extra,
  tenancyPlugin(),
]
