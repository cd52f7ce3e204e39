import type { PayloadRequest } from 'payload'
import type { RecordOrderPaymentInput, RecordOrderPaymentResult } from '@plugins/commerce/contract'
import { recordManualPayment } from './recordManualPayment'

/** Commerce's `payments.recordOrderPayment`: a desk sale's cash or terminal payment, purpose `order` (with the platform fee split when it sold creator content). */
export const recordOrderPayment = async (
  req: PayloadRequest,
  input: RecordOrderPaymentInput,
): Promise<RecordOrderPaymentResult> => {
  const { contentAmount, ...rest } = input
  const payment = await recordManualPayment(req, { ...rest, purpose: 'order' }, { contentAmount })
  return { payment: payment.id }
}
