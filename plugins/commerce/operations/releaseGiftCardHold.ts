import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

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
  const held = await runSql<{ gift_card_id: string; amount: number }>(
    req,
    sql`SELECT gift_card_id, -sum(amount) AS amount FROM gift_card_transactions r
        WHERE r.order_id = ${input.order} AND r.type = 'redeem'
          AND NOT EXISTS (SELECT 1 FROM gift_card_transactions b WHERE b.order_id = ${input.order} AND b.type = 'refund' AND b.gift_card_id = r.gift_card_id)
        GROUP BY gift_card_id ORDER BY gift_card_id`,
  )
  let released = 0
  for (const { gift_card_id: card, amount } of held) {
    const back = Number(amount)
    if (!(back > 0)) continue
    const [row] = await runSql<{ current_balance: number }>(
      req,
      sql`UPDATE gift_cards SET current_balance = current_balance + ${back},
            status = (CASE WHEN status = 'depleted' THEN 'active' ELSE status::text END)::enum_gift_cards_status, updated_at = now()
          WHERE id = ${card} RETURNING current_balance`,
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
