import type { CollectionAfterChangeHook } from 'payload'
import { loadEvent } from '../../../operations/format/eventJson'
import { promoteRsvpWaitlist } from '../../../operations/events/promoteRsvpWaitlist'

/** When a published event with a waitlist gains places (capacity raised or removed), the waitlist moves up in the same transaction. */
export const promoteRsvpsIntoNewPlaces: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.status !== 'published' || !(Number(doc.waitlistCount) > 0)) return doc
  const more =
    doc.capacity === null ||
    doc.capacity === undefined ||
    (typeof previousDoc?.capacity === 'number' && doc.capacity > previousDoc.capacity)
  if (!more) return doc
  const event = await loadEvent(req, String(doc.id), true)
  if (!event) return doc
  const promoted = await promoteRsvpWaitlist(req, event)
  if (!promoted.length) return doc
  const fresh = (await loadEvent(req, event.id))!
  return { ...doc, goingCount: fresh.goingCount, waitlistCount: fresh.waitlistCount }
}
