import type { PayloadRequest } from 'payload'
import { OperationError } from '@/core'
import { deskOrder } from './deskOrder'
import { releaseOrder } from './releaseOrder'

/**
 * Desk staff cancel an unpaid (`pending`) order through `releaseOrder` (once: stock, coupon use and
 * gift-card amount given back). 409 `not_pending` otherwise.
 */
export const cancelOrder = async (req: PayloadRequest, id: string) => {
  await deskOrder(req, id)
  const released = await releaseOrder(req, id, 'canceled')
  if (!released) throw new OperationError(409, 'not_pending', 'Only a pending (unpaid) order can be canceled.')
  return released
}
