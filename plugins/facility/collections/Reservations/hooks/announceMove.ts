import type { CollectionAfterChangeHook } from 'payload'
import { emit } from '@/core'

const idOf = (value: unknown): string =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value)
const iso = (value: unknown) => new Date(value as string).toISOString()

/**
 * Staff who move an active reservation in the admin (other times, another resource) announce it:
 * `reservation.moved` (the outbox, delivered by the jobs queue after commit).
 */
export const announceMove: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || !previousDoc) return doc
  if (!['requested', 'confirmed'].includes(String(doc.status))) return doc
  const moved =
    idOf(doc.resource) !== idOf(previousDoc.resource) ||
    iso(doc.startAt) !== iso(previousDoc.startAt) ||
    iso(doc.endAt) !== iso(previousDoc.endAt)
  if (!moved) return doc
  await emit(req, {
    type: 'reservation.moved',
    tenant: idOf(doc.tenant),
    subject: { collection: 'reservations', id: String(doc.id) },
    data: {
      reservation: String(doc.id),
      resource: idOf(doc.resource),
      member: idOf(doc.member),
      startAt: iso(doc.startAt),
      endAt: iso(doc.endAt),
      previous: {
        resource: idOf(previousDoc.resource),
        startAt: iso(previousDoc.startAt),
        endAt: iso(previousDoc.endAt),
      },
    },
  })
  return doc
}
