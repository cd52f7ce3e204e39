import type { PayloadRequest } from 'payload'
import { OperationError } from '@/core'
import type { RefundOrderPaymentInput, RefundOrderPaymentResult } from '@plugins/commerce/contract'
import { refundPayment } from './refundPayment'

/**
 * Commerce's `payments.refundOrderPayment`: part or all of an order's desk payment (`refundPayment`).
 * 409 `nothing_to_refund` when the order has no recorded payment.
 */
export const refundOrderPayment = async (
  req: PayloadRequest,
  input: RefundOrderPaymentInput,
): Promise<RefundOrderPaymentResult> => {
  if (!input.payment)
    throw new OperationError(409, 'nothing_to_refund', 'The order has no cash or terminal payment to refund.')
  await refundPayment(req, { payment: input.payment, amount: input.amount, reason: input.reason })
  return { recorded: true }
}
