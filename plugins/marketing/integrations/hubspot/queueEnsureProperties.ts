import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '@/core'
import { HUBSPOT_ENSURE_PROPERTIES_TASK } from './jobs/taskSlugs'

/**
 * `integration-connections` afterChange: a HubSpot connection that became connected (created so,
 * switched on, or its config changed) queues the custom properties' creation, in the request's
 * transaction (it runs after commit, with the connection's credentials saved).
 */
export const queueEnsureProperties: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (doc?.provider !== 'hubspot' || doc.status !== 'connected') return doc
  const changed =
    operation === 'create' ||
    previousDoc?.status !== 'connected' ||
    JSON.stringify(previousDoc?.config ?? null) !== JSON.stringify(doc.config ?? null)
  const tenant = idOf(doc.tenant)
  if (changed && tenant) await req.payload.jobs.queue({ task: HUBSPOT_ENSURE_PROPERTIES_TASK, input: { tenant }, req })
  return doc
}
