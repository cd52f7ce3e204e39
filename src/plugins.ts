import type { Plugin } from 'payload'
import { tenancyPlugin } from '@/core/tenancy/tenancyPlugin'

/**
 * The ordered list of domain plugins. Each may add collections, hooks, endpoints, jobs,
 * subscribers and port implementations; removing one leaves a working app.
 * The tenancy plugin (multi-tenant, configured from every `tenantScoped` collection) goes last.
 */
export const domainPlugins: Plugin[] = []

export const plugins = (extra: Plugin[] = []): Plugin[] => [...domainPlugins, ...extra, tenancyPlugin()]
