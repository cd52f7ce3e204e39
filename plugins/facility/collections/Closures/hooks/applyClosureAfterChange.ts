import type { CollectionAfterChangeHook } from 'payload'
import { emit } from '@/core'
import { applyClosure } from '../../../operations/applyClosure'

/**
 * Saving a closure cancels the reservations it overlaps, in the save's transaction (each emits
 * `reservation.cancelled`, delivered by the jobs queue after commit); creating one emits
 * `closure.created`. Editing it (a longer window, more resources) cancels only the newly overlapping ones.
 */
export const applyClosureAfterChange: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  const cancelled = await applyClosure(req, String(doc.id))
  if (operation === 'create') {
    const tenant = typeof doc.tenant === 'object' ? String(doc.tenant.id) : String(doc.tenant)
    await emit(req, {
      type: 'closure.created',
      tenant,
      subject: { collection: 'closures', id: String(doc.id) },
      data: {
        closure: String(doc.id),
        startAt: new Date(doc.startAt).toISOString(),
        endAt: new Date(doc.endAt).toISOString(),
        cancelled,
      },
    })
  }
  return { ...doc, cancelledCount: (doc.cancelledCount ?? 0) + cancelled }
}
