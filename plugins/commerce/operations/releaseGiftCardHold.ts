import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { giftCardsTable, giftCardTransactionsTable } from './sql/giftCardsTable'

/**
 * Gives back what an unpaid order took off gift cards: for each of its `redeem` transactions, one
 * conditional UPDATE adds the amount back (a depleted card is active again) and a `refund`
 * transaction of +amount is written. Only the caller that moved the order out of `pending` calls
 * it (once); a `refund` row already written for the order makes a repeat a no-op as well.
 * Returns the amount given back.
 */
export const releaseGiftCardHold = async (
  req: PayloadRequest,
  input: { tenant: string; order: string },
): Promise<number> => {
  const g = giftCardsTable(req)
  const x = giftCardTransactionsTable(req)
  const held = await runSql<{ gift_card_id: string; amount: number }>(
    req,
    sql`SELECT r.${x.giftCard} AS gift_card_id, -sum(r.${x.amount}) AS amount FROM ${x.$table} r
        WHERE r.${x.order} = ${input.order} AND r.${x.type} = 'redeem'
          AND NOT EXISTS (SELECT 1 FROM ${x.$table} b WHERE b.${x.order} = ${input.order} AND b.${x.type} = 'refund' AND b.${x.giftCard} = r.${x.giftCard})
        GROUP BY r.${x.giftCard} ORDER BY r.${x.giftCard}`,
  )
  let released = 0
  for (const { gift_card_id: card, amount } of held) {
    const back = Number(amount)
    if (!(back > 0)) continue
    const [row] = await runSql<{ current_balance: number }>(
      req,
      sql`UPDATE ${g.$table} SET ${g.currentBalance} = ${g.currentBalance} + ${back},
            ${g.status} = (CASE WHEN ${g.status} = 'depleted' THEN 'active' ELSE ${g.status}::text END)::${g.$enum.status}, ${g.updatedAt} = now()
          WHERE ${g.id} = ${card} RETURNING ${g.currentBalance} AS current_balance`,
    )
    await req.payload.db.create({
      collection: 'gift-card-transactions' as CollectionSlug,
      data: {
        tenant: input.tenant,
        giftCard: card,
        amount: back,
        type: 'refund',
        balanceAfter: Number(row.current_balance),
        order: input.order,
        createdBy: req.user?.collection === 'users' ? req.user.id : null,
      },
      req,
    })
    released += back
  }
  return released
}
