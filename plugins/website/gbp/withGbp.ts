import type { Config } from 'payload'
import { withSqlTables } from '@/core'
import { GbpPosts } from './GbpPosts'
import { gbpSqlTables } from './gbpSqlTables'
import { gbpSyncTask } from './jobs/gbpSyncTask'
import { queueGbpSyncOfDeletedEvent, queueGbpSyncOfEvent } from './queueGbpSync'

/**
 * Google Business Profile posts (see README "Google Business Profile"): the `gbp-posts` mapping,
 * the sync task, and hooks appended to bookings' `events` (when installed) that queue it.
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
      collections: [...collections, GbpPosts(o.group)],
      jobs: { ...config.jobs, tasks: [...(config.jobs?.tasks ?? []), gbpSyncTask()] },
    },
    gbpSqlTables,
  )
}
