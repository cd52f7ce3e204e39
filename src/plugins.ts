import type { Plugin } from 'payload'
import { tenancyPlugin } from '@/core/tenancy/tenancyPlugin'
import { billingPlugin } from '@plugins/billing'
import { commercePlugin } from '@plugins/commerce'
import { bookingsPlugin } from '@plugins/bookings'
import { lmsPlugin } from '@plugins/lms'
import { facilityPlugin } from '@plugins/facility'
import { websitePlugin } from '@plugins/website'
import { marketingPlugin } from '@plugins/marketing'

/**
 * The ordered list of domain plugins. Each may add collections, hooks, endpoints, jobs,
 * subscribers and port implementations; removing one leaves a working app.
 * The tenancy plugin (multi-tenant, configured from every `tenantScoped` collection) goes last.
 */
const domain = {
  billing: billingPlugin,
  commerce: commercePlugin,
  bookings: bookingsPlugin,
  lms: lmsPlugin,
  facility: facilityPlugin,
  website: websitePlugin,
  marketing: marketingPlugin,
}

export type DomainPluginName = keyof typeof domain

/** The domain plugins in order, leaving out those named (the plugin-removal matrix removes one at a time). */
export const domainPluginsExcept = (...removed: DomainPluginName[]): Plugin[] =>
  (Object.keys(domain) as DomainPluginName[]).filter((name) => !removed.includes(name)).map((name) => domain[name]())

export const domainPlugins: Plugin[] = domainPluginsExcept()

/** The app's plugins: the domain plugins (`domain`, by default all of them), `extra`, then tenancy. */
export const plugins = (extra: Plugin[] = [], domain: Plugin[] = domainPlugins): Plugin[] => [
  ...domain,
  ...extra,
  tenancyPlugin(),
]
