import type { CollectionAfterChangeHook } from 'payload'
import { emit, idOf } from '@/core'

/** A grant made by staff in the admin or API is announced (`access.granted`), in its transaction. */
export const announceGrant: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const course = idOf(doc.course)
  const target = course
    ? { collection: 'courses' as const, id: course }
    : { collection: 'content-items' as const, id: idOf(doc.contentItem) ?? '' }
  await emit(req, {
    type: 'access.granted',
    tenant: doc.tenant,
    subject: { collection: 'access-grants', id: doc.id },
    data: { grant: String(doc.id), member: idOf(doc.member) ?? '', target, accessType: String(doc.accessType) },
  })
  return doc
}
