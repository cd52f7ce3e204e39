import type { CollectionAfterDeleteHook, CollectionConfig, Config } from 'payload'
import { subscribe, withSqlTables } from '@/core'
import { HubspotOutbox } from '../../collections/HubspotOutbox'
import { HubspotRateLimits } from '../../collections/HubspotRateLimits'
import type { HubspotSyncOptions } from '../../types'
import { dealToOutbox } from './dealToOutbox'
import { hubspotSqlTables } from './hubspotSqlTables'
import { hubspotSubscribers } from './hubspotSubscribers'
import { hubspotWebhookEndpoint } from './hubspotWebhookEndpoint'
import { hubspotReconcileTask } from './jobs/hubspotReconcileTask'
import { hubspotSyncTask } from './jobs/hubspotSyncTask'
import { retryOutboxEndpoint } from './retryOutboxEndpoint'
// ---- HubSpot custom properties and remote archive ----
import { leadDeletedToOutbox, memberDeletedToOutbox } from './archiveToOutbox'
import { hubspotEnsurePropertiesTask } from './jobs/hubspotEnsurePropertiesTask'
import { queueEnsureProperties } from './queueEnsureProperties'
// ---- /HubSpot custom properties and remote archive ----

/** Appends the outbox hook to `deals` (the CRM's collection), keeping its own hooks. */
const withDealHook = (collection: CollectionConfig): CollectionConfig =>
  collection.slug !== 'deals'
    ? collection
    : {
        ...collection,
        hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), dealToOutbox] },
      }

// ---- HubSpot custom properties and remote archive ----
const appendAfterDelete = (collection: CollectionConfig, hook: CollectionAfterDeleteHook): CollectionConfig => ({
  ...collection,
  hooks: { ...collection.hooks, afterDelete: [...(collection.hooks?.afterDelete ?? []), hook] },
})

/** Deleting a member or a lead archives its contact; connecting HubSpot creates the custom properties. */
const withArchiveAndPropertyHooks = (collection: CollectionConfig): CollectionConfig =>
  collection.slug === 'tenant-memberships'
    ? appendAfterDelete(collection, memberDeletedToOutbox)
    : collection.slug === 'leads'
      ? appendAfterDelete(collection, leadDeletedToOutbox)
      : collection.slug === 'integration-connections'
        ? {
            ...collection,
            hooks: {
              ...collection.hooks,
              afterChange: [...(collection.hooks?.afterChange ?? []), queueEnsureProperties],
            },
          }
        : collection
// ---- /HubSpot custom properties and remote archive ----

/**
 * The HubSpot sync: the latest-state outbox (`hubspot-outbox`) filled by domain-event subscribers
 * and a hook on deals, the shared token buckets (`hubspot-rate-limits`), the sync and nightly
 * reconcile jobs, the inbound webhook (`POST /api/hubspot/webhook`) and the dead-letter retry
 * (`POST /api/hubspot-outbox/:id/retry`). A tenant syncs once it has a connected `hubspot`
 * integration connection. Compose after `withCrm` (it hooks `deals`).
 */
export const withHubspot = (
  config: Config,
  o: { adminGroup: string; hubspot: Required<HubspotSyncOptions> | false },
): Config => {
  if (o.hubspot === false) return config
  const options = o.hubspot
  const next: Config = {
    ...config,
    collections: [
      ...(config.collections ?? []).map(withDealHook).map(withArchiveAndPropertyHooks),
      { ...HubspotOutbox(o.adminGroup), endpoints: [retryOutboxEndpoint] },
      HubspotRateLimits(o.adminGroup),
    ],
    endpoints: [...(config.endpoints ?? []), hubspotWebhookEndpoint({ toleranceMs: options.webhookToleranceMs })],
    jobs: {
      ...config.jobs,
      tasks: [
        ...(config.jobs?.tasks ?? []),
        hubspotSyncTask(options),
        hubspotReconcileTask(options),
        hubspotEnsurePropertiesTask(options), // HubSpot custom properties
      ],
    },
  }
  return withSqlTables(subscribe(next, ...hubspotSubscribers), hubspotSqlTables)
}
