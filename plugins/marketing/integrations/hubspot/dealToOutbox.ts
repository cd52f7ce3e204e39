import type { CollectionAfterChangeHook } from 'payload'
import { idOf } from '@/core'
import type { Deal } from '@/payload-types'
import { dealState } from './buildOutboxState'
import { enqueueHubspot } from './enqueueHubspot'
import { hubspotConnection } from './hubspotConnection'

/**
 * `deals` afterChange: a created or changed deal's latest state goes into the HubSpot outbox in the
 * same transaction (no deal events exist; the sync job does the HTTP after commit). Changes the
 * sync or an inbound webhook make (raw SQL) do not come back here, so nothing echoes.
 */
export const dealToOutbox: CollectionAfterChangeHook<Deal> = async ({ doc, req }) => {
  const tenant = idOf(doc.tenant)
  if (!tenant || !(await hubspotConnection(req, tenant))) return doc
  await enqueueHubspot(req, { tenant, kind: 'deal', localId: String(doc.id), state: dealState(doc) })
  return doc
}
