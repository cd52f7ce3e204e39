import type { PayloadRequest } from 'payload'
import { callPort, OperationError } from '@/core'
import { debitCreditsPort, type DebitCreditsInput } from '@plugins/bookings/contract'

/** Debits a member's credits through `credits.debit` for what they book; a failed debit answers 402 with its code (the transaction rolls back). */
export const chargeCredits = async (req: PayloadRequest, input: DebitCreditsInput): Promise<void> => {
  const debit = await callPort(req, debitCreditsPort, input)
  if (!debit.ok) throw new OperationError(402, debit.code, debit.reason)
}
