import type { CollectionSlug, PayloadRequest } from 'payload'
import { z } from 'zod'
import { audit, emit, isCurrency, OperationError } from '@/core'
import { platformFeeBps, splitFee, subscriptionFeeSplit } from './platformFee'
import { requireDeskRole } from '@/core'

export const PAYMENT_PURPOSES = [
  'subscription',
  'order',
  'content_purchase',
  'event',
  'appointment',
  'facility_fees',
  'day_pass',
  'gift_card',
  'other',
] as const

export const manualPaymentInput = z.object({
  tenant: z.string().min(1),
  member: z.string().min(1).nullish(),
  payerEmail: z.email({ message: 'payerEmail must be an email address.' }).nullish(),
  purpose: z.enum(PAYMENT_PURPOSES).default('other'),
  ref: z.object({ collection: z.string().min(1), id: z.string().min(1) }).nullish(),
  provider: z.enum(['cash', 'terminal', 'manual'], { message: 'provider must be cash, terminal or manual.' }),
  method: z.string().max(100).nullish(),
  amount: z.object({
    amount: z
      .number()
      .int({ message: 'amount.amount must be whole minor units (cents).' })
      .positive({ message: 'amount.amount must be greater than 0.' }),
    currency: z.string().refine(isCurrency, { message: 'amount.currency must be an ISO-4217 code such as USD.' }),
  }),
  providerRef: z.string().max(200).nullish(),
})

export type ManualPaymentInput = z.input<typeof manualPaymentInput>

export type PaymentDoc = {
  id: string
  tenant: string
  amount: { amount: number; currency: string }
  amountRefunded: number
  status: string
  provider: string
  member?: string | null
}

/**
 * Desk staff record a cash, terminal or other manual payment. Runs in the request's transaction:
 * the payment row, its audit row and the `payment.succeeded` event commit together. A creator
 * sale (`contentAmount`) records its platform fee and creator payout (`splitFee`).
 */
export const recordManualPayment = async (
  req: PayloadRequest,
  raw: ManualPaymentInput,
  /** Minor units of the amount that pay for creator content (commerce's lms lines; never from the API body): the platform fee is taken on them. */
  { contentAmount = null }: { contentAmount?: number | null } = {},
): Promise<PaymentDoc> => {
  const parsed = manualPaymentInput.safeParse(raw)
  if (!parsed.success)
    throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => i.message).join(' '))
  const input = parsed.data
  requireDeskRole(req, input.tenant)
  if (input.member) {
    const member = await req.payload.db.findOne<{ id: string; tenant: unknown }>({
      collection: 'tenant-memberships',
      where: { and: [{ id: { equals: input.member } }, { tenant: { equals: input.tenant } }] },
      req,
    })
    if (!member) throw new OperationError(400, 'unknown_member', 'member is not a member of this business.')
  }
  // A creator sale: content lines of an order (commerce's `contentAmount`) or a content-tier plan's subscription.
  const split = contentAmount
    ? splitFee(input.amount.amount, contentAmount, await platformFeeBps(req, input.tenant))
    : input.ref?.collection === 'subscriptions'
      ? await subscriptionFeeSplit(req, input.tenant, input.ref.id, input.amount.amount)
      : null
  const doc = (await req.payload.db.create({
    collection: 'payments' as CollectionSlug,
    data: {
      tenant: input.tenant,
      member: input.member ?? null,
      payerEmail: input.payerEmail ?? null,
      purpose: input.purpose,
      refCollection: input.ref?.collection ?? null,
      refId: input.ref?.id ?? null,
      provider: input.provider,
      method: input.method ?? input.provider,
      amount: input.amount,
      amountRefunded: 0,
      status: 'succeeded',
      providerRef: input.providerRef ?? null,
      platformFee: split?.platformFee ?? null,
      creatorPayout: split?.creatorPayout ?? null,
      refunds: [],
      recordedBy: req.user?.collection === 'users' ? req.user.id : null,
    },
    req,
  })) as PaymentDoc
  await audit(req, {
    category: 'payment',
    action: 'payment.recorded',
    tenant: input.tenant,
    resourceType: 'payments',
    resourceId: doc.id,
    amount: input.amount,
    after: { provider: input.provider, purpose: input.purpose, ref: input.ref ?? null, ...(split ?? {}) },
  })
  await emit(req, {
    type: 'payment.succeeded',
    tenant: input.tenant,
    subject: { collection: 'payments', id: doc.id },
    data: {
      amount: input.amount,
      provider: input.provider,
      purpose: input.purpose,
      member: input.member ?? null,
      ref: input.ref ?? null,
    },
  })
  return doc
}
