import type { CollectionAfterChangeHook } from 'payload'
import { settleCancelled } from '../../../operations/markCancelled'

const idOf = (value: unknown): string =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value)

/**
 * Staff who cancel a reservation in the admin (the endpoints write in SQL and emit themselves) do
 * what the cancel endpoint does: its pending fee is voided and `reservation.cancelled` is emitted
 * (the outbox: delivered by the jobs queue after commit), with a paid fee as `refundDue`.
 */
export const announceCancel: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation !== 'update' || doc.status !== 'cancelled') return doc
  if (!['requested', 'confirmed'].includes(String(previousDoc?.status))) return doc
  await settleCancelled(
    req,
    [
      {
        id: String(doc.id),
        tenant: idOf(doc.tenant),
        resource: idOf(doc.resource),
        member: idOf(doc.member),
        start_at: doc.startAt,
        end_at: doc.endAt,
      },
    ],
    'staff',
    null,
  )
  return doc
}
