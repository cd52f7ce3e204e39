import { lockKey } from '@/core'
import type { CollectionSlug, PayloadRequest } from 'payload'
import type { Money } from '@/core'
import { creditBalance } from './creditBalance'

export type GrantCreditsInput = {
  tenant: string
  member: string
  credits: number
  creditType: string
  source: 'pack_purchase' | 'subscription_grant' | 'guest_pass_reset' | 'adjustment' | 'refund' | 'import'
  expiresAt?: string | null
  product?: string | null
  order?: string | null
  pricePaid?: Money | null
  /** A subscription grant: the subscription id and the period it is for. */
  subscription?: string | null
  periodKey?: string | null
}

/** Creates a credit lot and its `earned_*` ledger row inside the request's transaction. */
export const grantCredits = async (
  req: PayloadRequest,
  input: GrantCreditsInput,
): Promise<{ lot: string; ledgerEntry: string }> => {
  await lockKey(req, `credits:${input.member}`)
  const lot = (await req.payload.db.create({
    collection: 'credit-lots' as CollectionSlug,
    data: {
      tenant: input.tenant,
      member: input.member,
      creditType: input.creditType,
      source: input.source,
      product: input.product ?? null,
      order: input.order ?? null,
      initialCredits: input.credits,
      remainingCredits: input.credits,
      pricePaid: input.pricePaid ?? {},
      expiresAt: input.expiresAt ?? null,
      subscription: input.subscription ?? null,
      periodKey: input.periodKey ?? null,
    },
    req,
  })) as { id: string }
  const balanceAfter = await creditBalance(req, input.member, input.creditType)
  const entry = (await req.payload.db.create({
    collection: 'credit-ledger' as CollectionSlug,
    data: {
      tenant: input.tenant,
      member: input.member,
      lot: lot.id,
      creditType: input.creditType,
      type:
        input.source === 'subscription_grant'
          ? 'earned_subscription'
          : input.source === 'pack_purchase'
            ? 'earned_purchase'
            : 'adjustment',
      amount: input.credits,
      balanceAfter,
      refCollection: input.order ? 'orders' : input.subscription ? 'subscriptions' : null,
      refId: input.order ?? input.subscription ?? null,
      description: `${input.credits} credits (${input.source})`,
      createdBy: req.user?.collection === 'users' ? req.user.id : null,
    },
    req,
  })) as { id: string }
  return { lot: lot.id, ledgerEntry: entry.id }
}
