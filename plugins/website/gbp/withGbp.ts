import type { Config } from 'payload'
import { withSqlTables } from '@/core'
import { GbpPosts } from './GbpPosts'
import { gbpSqlTables } from './gbpSqlTables'
import { gbpSyncTask } from './jobs/gbpSyncTask'
import { queueGbpSyncOfDeletedEvent, queueGbpSyncOfEvent } from './queueGbpSync'
import { retryGbpPostEndpoint } from './retryGbpPostEndpoint'

/**
 * Google Business Profile posts (see README "Google Business Profile"): the `gbp-posts` mapping and
 * its Retry endpoint, the sync task, hooks appended to bookings' `events` (when installed) that queue
 * it. Offer events come through `gbpOfferSubscriber` (registered in events.ts).
 */
export const withGbp = (config: Config, o: { group: string }): Config => {
  const collections = (config.collections ?? []).map((collection) =>
    collection.slug === 'events'
      ? {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), queueGbpSyncOfEvent],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), queueGbpSyncOfDeletedEvent],
          },
        }
      : collection,
  )
  return withSqlTables(
    {
      ...config,
      collections: [...collections, { ...GbpPosts(o.group), endpoints: [retryGbpPostEndpoint] }],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), gbpSyncTask()] },
    },
    gbpSqlTables,
  )
}
