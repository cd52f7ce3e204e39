import { randomBytes } from 'node:crypto'
import type { CollectionSlug, PayloadRequest } from 'payload'

export type IssueGiftCardInput = {
  tenant: string
  amount: number
  currency: string
  order?: string | null
  buyer?: string | null
  expiresAt?: string | null
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A 16-character code without look-alike characters (unique per tenant in SQL). */
export const newGiftCardCode = (): string => [...randomBytes(16)].map((b) => ALPHABET[b % ALPHABET.length]).join('')

/** Issues a card with `amount` and its `issue` transaction (balance = Σ transactions from the start). */
export const issueGiftCard = async (
  req: PayloadRequest,
  input: IssueGiftCardInput,
): Promise<{ id: string; code: string }> => {
  const code = newGiftCardCode()
  const card = (await req.payload.db.create({
    collection: 'gift-cards' as CollectionSlug,
    data: {
      tenant: input.tenant,
      code,
      initialBalance: input.amount,
      currentBalance: input.amount,
      currency: input.currency,
      buyer: input.buyer ?? null,
      status: 'active',
      expiresAt: input.expiresAt ?? null,
      order: input.order ?? null,
    },
    req,
  })) as { id: string }
  await req.payload.db.create({
    collection: 'gift-card-transactions' as CollectionSlug,
    data: {
      tenant: input.tenant,
      giftCard: card.id,
      amount: input.amount,
      type: 'issue',
      balanceAfter: input.amount,
      order: input.order ?? null,
      createdBy: req.user?.collection === 'users' ? req.user.id : null,
    },
    req,
  })
  return { id: card.id, code }
}
