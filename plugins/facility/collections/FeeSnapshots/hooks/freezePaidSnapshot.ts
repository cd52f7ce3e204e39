import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError } from '@/core'

/** Once paid, a snapshot's amounts never change: only its status (refunded) and payment fields may. */
export const freezePaidSnapshot: CollectionBeforeChangeHook = ({ operation, data, originalDoc }) => {
  if (operation !== 'update' || originalDoc?.status !== 'paid') return data
  const changed = ['total', 'lines', 'policy', 'reservation', 'member'].filter(
    (key) => key in data && JSON.stringify(normalise(data[key])) !== JSON.stringify(normalise(originalDoc[key])),
  )
  if (changed.length > 0)
    throw new OperationError(
      409,
      'fee_snapshot_frozen',
      `A paid fee snapshot is frozen (${changed.join(', ')}); void it and write a new one instead.`,
    )
  if (data.status && !['paid', 'refunded'].includes(String(data.status)))
    throw new OperationError(409, 'fee_snapshot_frozen', 'A paid fee snapshot can only become refunded.')
  return data
}

const normalise = (value: unknown): unknown =>
  value && typeof value === 'object' && 'id' in (value as object) ? (value as { id: unknown }).id : value
