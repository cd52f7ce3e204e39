import type { CollectionAfterDeleteHook } from 'payload'
import { idOf } from '@/core'
import type { Lead, TenantMembership } from '@/payload-types'
import { enqueueHubspot } from './enqueueHubspot'
import { hubspotConnection } from './hubspotConnection'

/**
 * `tenant-memberships` afterDelete: a deleted member's contact is archived in HubSpot through the
 * outbox (its row's state becomes `{ archive: true }`, in the delete's transaction; the sync job
 * archives it after commit). Memberships are deleted only by the platform (erasure); archiving a
 * membership (status) keeps the contact, with `atrium_member_status`.
 */
export const memberDeletedToOutbox: CollectionAfterDeleteHook<TenantMembership> = async ({ doc, req }) => {
  const tenant = idOf(doc.tenant)
  if (!tenant || !(await hubspotConnection(req, tenant))) return doc
  const id = String(doc.id)
  await enqueueHubspot(req, {
    tenant,
    kind: 'member',
    localId: id,
    state: { properties: { atrium_member_id: id }, archive: true },
  })
  return doc
}

/**
 * `leads` afterDelete: a deleted lead's contact (matched by e-mail) is archived the same way, unless
 * the lead converted: its contact is then the member's, which stays.
 */
export const leadDeletedToOutbox: CollectionAfterDeleteHook<Lead> = async ({ doc, req }) => {
  const tenant = idOf(doc.tenant)
  if (!tenant || doc.convertedMember || doc.status === 'converted' || !doc.email) return doc
  if (!(await hubspotConnection(req, tenant))) return doc
  await enqueueHubspot(req, {
    tenant,
    kind: 'lead',
    localId: String(doc.id),
    state: { properties: { email: doc.email.toLowerCase() }, archive: true },
  })
  return doc
}
