import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { giftCardsTable } from './sql/giftCardsTable'

export type RedeemGiftCardInput = {
  tenant: string
  code: string
  amount: number
  currency: string
  order?: string | null
}

/**
 * Takes `amount` off a gift card in one conditional UPDATE (never below zero, only while active,
 * unexpired and in the same currency) and writes the matching `redeem` transaction. The card's
 * row stays locked until commit, so balanceAfter is exact.
 */
export const redeemGiftCard = async (
  req: PayloadRequest,
  input: RedeemGiftCardInput,
): Promise<{ giftCard: string; balanceAfter: number; transaction: string }> => {
  const code = input.code.trim().toUpperCase()
  const g = giftCardsTable(req)
  const rows = await runSql<{ id: string; current_balance: number }>(
    req,
    sql`UPDATE ${g.$table}
        SET ${g.currentBalance} = ${g.currentBalance} - ${input.amount},
            ${g.status} = (CASE WHEN ${g.currentBalance} - ${input.amount} = 0 THEN 'depleted' ELSE 'active' END)::${g.$enum.status},
            ${g.updatedAt} = now()
        WHERE ${g.tenant} = ${input.tenant} AND ${g.code} = ${code} AND ${g.status} = 'active' AND ${g.currency} = ${input.currency}
          AND (${g.expiresAt} IS NULL OR ${g.expiresAt} > now()) AND ${g.currentBalance} >= ${input.amount}
        RETURNING ${g.id} AS id, ${g.currentBalance} AS current_balance`,
  )
  const row = rows[0]
  if (!row) {
    const [card] = await runSql<{
      status: string
      current_balance: number
      currency: string
      expires_at: string | null
    }>(
      req,
      sql`SELECT ${g.status} AS status, ${g.currentBalance} AS current_balance, ${g.currency} AS currency, ${g.expiresAt} AS expires_at
          FROM ${g.$table} WHERE ${g.tenant} = ${input.tenant} AND ${g.code} = ${code}`,
    )
    if (!card) throw new OperationError(404, 'gift_card_not_found', `No gift card with code ${code}.`)
    if (card.currency !== input.currency)
      throw new OperationError(
        409,
        'gift_card_currency',
        `The gift card is in ${card.currency}, the order in ${input.currency}.`,
      )
    if (card.expires_at && new Date(card.expires_at) <= new Date())
      throw new OperationError(409, 'gift_card_expired', 'The gift card has expired.')
    if (card.status !== 'active' && card.status !== 'depleted')
      throw new OperationError(409, 'gift_card_inactive', `The gift card is ${card.status}.`)
    throw new OperationError(
      409,
      'gift_card_insufficient',
      `The gift card balance (${card.current_balance}) is less than ${input.amount}.`,
    )
  }
  const txn = (await req.payload.db.create({
    collection: 'gift-card-transactions' as CollectionSlug,
    data: {
      tenant: input.tenant,
      giftCard: row.id,
      amount: -input.amount,
      type: 'redeem',
      balanceAfter: Number(row.current_balance),
      order: input.order ?? null,
      createdBy: req.user?.collection === 'users' ? req.user.id : null,
    },
    req,
  })) as { id: string }
  return { giftCard: row.id, balanceAfter: Number(row.current_balance), transaction: txn.id }
}
