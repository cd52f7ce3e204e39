import type { CollectionBeforeChangeHook } from 'payload'
import { normaliseEmail } from '../normaliseEmail'

/**
 * `users` beforeChange: a new e-mail address is not verified. Changing the address clears
 * `emailVerifiedAt` in the same write (links sent to the old address stop working too: a link is
 * good only for the address it names).
 */
export const clearEmailVerification: CollectionBeforeChangeHook = ({ data, operation, originalDoc }) => {
  if (operation !== 'update' || !data || typeof data.email !== 'string' || !originalDoc) return data
  if (normaliseEmail(data.email) !== normaliseEmail(String(originalDoc.email ?? ''))) data.emailVerifiedAt = null
  return data
}
