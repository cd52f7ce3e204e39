import type { CollectionConfig, Config } from 'payload'
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

/** Appends the outbox hook to `deals` (the CRM's collection), keeping its own hooks. */
const withDealHook = (collection: CollectionConfig): CollectionConfig =>
  collection.slug !== 'deals'
    ? collection
    : {
        ...collection,
        hooks: { ...collection.hooks, afterChange: [...(collection.hooks?.afterChange ?? []), dealToOutbox] },
      }

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
      ...(config.collections ?? []).map(withDealHook),
      { ...HubspotOutbox(o.adminGroup), endpoints: [retryOutboxEndpoint] },
      HubspotRateLimits(o.adminGroup),
    ],
    endpoints: [...(config.endpoints ?? []), hubspotWebhookEndpoint({ toleranceMs: options.webhookToleranceMs })],
    jobs: {
      ...config.jobs,
      tasks: [...(config.jobs?.tasks ?? []), hubspotSyncTask(options), hubspotReconcileTask(options)],
    },
  }
  return withSqlTables(subscribe(next, ...hubspotSubscribers), hubspotSqlTables)
}
