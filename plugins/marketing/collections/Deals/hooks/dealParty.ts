import type { CollectionBeforeValidateHook } from 'payload'
import { OperationError } from '@/core'

/** A deal is for a member or a lead (at least one). */
export const dealParty: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  const merged = { ...originalDoc, ...data }
  if (!merged.member && !merged.lead) throw new OperationError(400, 'invalid_input', 'A deal needs a member or a lead.')
  return data
}
