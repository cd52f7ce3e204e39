import type { CollectionConfig } from 'payload'
import { nobody, platformAdmin } from '@/core'

export const HUBSPOT_RATE_LIMITS = 'hubspot-rate-limits'

/**
 * The token bucket of each HubSpot connection (one row per connection, keyed by its id), shared by
 * every worker process: a request takes a token with one conditional UPDATE (see
 * `takeHubspotToken`); `blockedUntil` holds a 429's Retry-After for all of them. System rows,
 * platform-wide (no tenant): only platform admins read them.
 */
export const HubspotRateLimits = (group: string): CollectionConfig => ({
  slug: HUBSPOT_RATE_LIMITS,
  labels: { singular: 'HubSpot rate limit', plural: 'HubSpot rate limits' },
  admin: { useAsTitle: 'key', group, hidden: true },
  access: { read: platformAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'tokens', type: 'number', required: true, defaultValue: 0 },
    { name: 'refilledAt', type: 'date', required: true },
    { name: 'blockedUntil', type: 'date' },
  ],
})
