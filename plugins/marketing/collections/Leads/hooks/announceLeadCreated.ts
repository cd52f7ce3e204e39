import type { CollectionAfterChangeHook } from 'payload'
import { emit } from '@/core'

/** A lead staff created in the admin or through REST emits `lead.created` (captures emit in `upsertLead`). */
export const announceLeadCreated: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  await emit(req, {
    type: 'lead.created',
    tenant: doc.tenant,
    subject: { collection: 'leads', id: doc.id },
    data: { lead: String(doc.id), email: String(doc.email), source: String(doc.source ?? 'staff') },
  })
  return doc
}
