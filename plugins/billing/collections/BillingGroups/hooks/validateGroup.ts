import type { CollectionBeforeChangeHook } from 'payload'
import { idOf, OperationError } from '@/core'

/** The payer is not one of their own dependents, and nobody is listed twice. */
export const validateGroup: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const payer = idOf(data.payer ?? originalDoc?.payer)
  const dependents = ((data.dependents ?? originalDoc?.dependents ?? []) as unknown[]).map((d) => idOf(d))
  if (payer && dependents.includes(payer))
    throw new OperationError(400, 'payer_is_dependent', 'The payer cannot also be a dependent of the group.')
  if (new Set(dependents).size !== dependents.length)
    throw new OperationError(400, 'duplicate_dependent', 'A dependent is listed twice.')
  return data
}
