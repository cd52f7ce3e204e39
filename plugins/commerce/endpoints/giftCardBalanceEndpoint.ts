import type { Endpoint } from 'payload'
import { z } from 'zod'
import { endpointHandler, OperationError } from '@/core'

const query = z.object({
  code: z.string({ message: 'code is required.' }).trim().min(4, { message: 'code is required.' }),
})

/** `GET /api/gift-cards/balance?code=...`: the balance of a card, for desk staff (read access applies). */
export const giftCardBalanceEndpoint: Endpoint = {
  path: '/balance',
  method: 'get',
  handler: endpointHandler(
    async (req) => {
      const parsed = query.safeParse({ code: req.searchParams.get('code') ?? undefined })
      if (!parsed.success) throw new OperationError(400, 'invalid_input', parsed.error.issues[0].message)
      const found = await req.payload.find({
        collection: 'gift-cards',
        where: { code: { equals: parsed.data.code.toUpperCase() } },
        overrideAccess: false,
        req,
        depth: 0,
        limit: 1,
      })
      const card = found.docs.at(0)
      if (!card) throw new OperationError(404, 'gift_card_not_found', 'No gift card with that code.')
      return {
        code: card.code,
        balance: card.currentBalance,
        currency: card.currency,
        status: card.status,
        expiresAt: card.expiresAt ?? null,
      }
    },
    { requireUser: true },
  ),
}
