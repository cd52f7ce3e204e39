import type { CollectionAfterChangeHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { feeSnapshotsTable } from '../../../operations/sql/feeSnapshotsTable'

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
  const f = feeSnapshotsTable(req)
  await runSql(
    req,
    sql`UPDATE ${f.$table} SET ${f.status} = 'void', ${f.updatedAt} = now() WHERE ${f.reservation} = ${String(doc.id)} AND ${f.status} = 'pending'`,
  )
  const [paid] = await runSql<{ amount: number; currency: string }>(
    req,
    sql`SELECT ${f.totalAmount}::int AS amount, ${f.totalCurrency} AS currency FROM ${f.$table}
        WHERE ${f.reservation} = ${String(doc.id)} AND ${f.status} = 'paid' LIMIT 1`,
  )
  await emit(req, {
    type: 'reservation.cancelled',
    tenant: idOf(doc.tenant),
    subject: { collection: 'reservations', id: String(doc.id) },
    data: {
      reservation: String(doc.id),
      resource: idOf(doc.resource),
      member: idOf(doc.member),
      startAt: new Date(doc.startAt).toISOString(),
      endAt: new Date(doc.endAt).toISOString(),
      reason: 'staff',
      closure: null,
      refundDue: paid ? { amount: Number(paid.amount), currency: paid.currency } : null,
    },
  })
  return doc
}
