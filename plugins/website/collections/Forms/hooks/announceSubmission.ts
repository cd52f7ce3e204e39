import type { CollectionAfterChangeHook } from 'payload'
import { emit, idOf } from '@/core'

/** A stored submission emits `form.submitted` (the marketing plugin turns it into a lead). */
export const announceSubmission: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const tenant = idOf(doc.tenant)
  const form = idOf(doc.form)
  if (!tenant || !form) return doc
  const formDoc = await req.payload.findByID({ collection: 'forms', id: form, depth: 0, req, overrideAccess: false }).catch(() => null)
  const data = Object.fromEntries(
    Object.entries((doc.data ?? {}) as Record<string, unknown>).map(([k, v]) => [k, v == null ? '' : String(v)]),
  )
  await emit(req, {
    type: 'form.submitted',
    tenant,
    subject: { collection: 'form-submissions', id: String(doc.id) },
    data: { submission: String(doc.id), form, formType: String(formDoc?.formType ?? 'other'), email: doc.email ?? null, data },
  })
  return doc
}
