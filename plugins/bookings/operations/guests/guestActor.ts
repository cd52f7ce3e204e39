import type { PayloadRequest } from 'payload'
import { DESK_ROLES, hasRoleIn, isPlatformAdmin, OperationError, type AccessUser } from '@/core'
import { actorMembership } from '../shared/actorMembership'

export type GuestActor = { member: null; source: 'staff' | 'website' }

/**
 * Who books for a guest (appointments and event RSVPs alike): desk staff of the tenant (others with
 * a place in the tenant 403, the rest `notFound`), or — without an account — the visitor themself
 * when `publicAllowed` says the tenant lets visitors do it (else 403 `closedCode`).
 */
export const guestActor = async (
  req: PayloadRequest,
  input: {
    tenant: string
    publicAllowed: () => Promise<boolean>
    closedCode: string
    closedMessage: string
    notFound: OperationError
  },
): Promise<GuestActor> => {
  if (!req.user) {
    if (!(await input.publicAllowed())) throw new OperationError(403, input.closedCode, input.closedMessage)
    return { member: null, source: 'website' }
  }
  const user: AccessUser = req.user
  if (isPlatformAdmin(user) || hasRoleIn(user, input.tenant, DESK_ROLES)) return { member: null, source: 'staff' }
  if (await actorMembership(req, input.tenant))
    throw new OperationError(403, 'forbidden', 'Only desk staff may book for a guest.')
  throw input.notFound
}

/** A guest has no membership for `guards.canBook` to look at: a priced booking is a drop-in paid at the desk, else free. */
export const guestPaymentMethod = (price: { amount: number } | null): 'drop_in' | 'free' =>
  price && price.amount > 0 ? 'drop_in' : 'free'
