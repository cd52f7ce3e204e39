import type { CollectionBeforeChangeHook } from 'payload'
import { OperationError } from '@/core'

/** An assignment's passing points are within its maximum; a due rule has what it needs. */
export const guardAssignment: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const maxPoints = Number(data.maxPoints ?? originalDoc?.maxPoints ?? 100)
  const passingPoints = Number(data.passingPoints ?? originalDoc?.passingPoints ?? 0)
  if (passingPoints > maxPoints)
    throw new OperationError(
      400,
      'invalid_points',
      `The passing points (${passingPoints}) cannot be more than the maximum (${maxPoints}).`,
    )
  const due = { ...(originalDoc?.due ?? {}), ...(data.due ?? {}) }
  if (due.mode === 'after_days' && !(Number.isSafeInteger(due.days) && due.days >= 0))
    throw new OperationError(400, 'invalid_due', 'An after_days due rule needs due.days (0 or more whole days).')
  if (due.mode === 'on_date' && !due.date)
    throw new OperationError(400, 'invalid_due', 'An on_date due rule needs due.date.')
  return data
}
