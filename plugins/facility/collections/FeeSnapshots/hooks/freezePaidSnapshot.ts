import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError } from '@/core'

/**
 * Once paid, a snapshot's amounts never change: only its status (refunded, or void before a new
 * snapshot replaces it) and payment fields may.
 */
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
  if (data.status && !['paid', 'refunded', 'void'].includes(String(data.status)))
    throw new OperationError(409, 'fee_snapshot_frozen', 'A paid fee snapshot can only become refunded or void.')
  return data
}

/** A comparable form: a related document as its id, objects with sorted keys, empty as null. */
const normalise = (value: unknown): unknown => {
  if (value === undefined || value === null) return null
  if (Array.isArray(value)) return value.map(normalise)
  if (typeof value !== 'object') return value
  if ('id' in value && 'createdAt' in value) return (value as { id: unknown }).id
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'id')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, v]) => [key, normalise(v)]),
  )
}
