import type { PayloadRequest } from 'payload'
import type { RecordOrderPaymentInput, RecordOrderPaymentResult } from '@plugins/commerce/contract'
import { recordManualPayment } from './recordManualPayment'

/** Commerce's `payments.recordOrderPayment`: a desk sale's cash or terminal payment, purpose `order`. */
export const recordOrderPayment = async (
  req: PayloadRequest,
  input: RecordOrderPaymentInput,
): Promise<RecordOrderPaymentResult> => {
  const payment = await recordManualPayment(req, { ...input, purpose: 'order' })
  return { payment: payment.id }
}
