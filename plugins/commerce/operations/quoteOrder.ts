import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, runSql } from '@/core'
import { checkout, type CheckoutInput } from './checkout'

export type QuoteLine = {
  product: string
  name: string
  kind: string
  quantity: number
  unitPrice: number
  discount: number
  total: number
}

export type Quote = {
  currency: string
  lines: QuoteLine[]
  subtotal: number
  discountTotal: number
  giftCardApplied: number
  tax: number
  /** What is left to pay by cash or terminal. */
  total: number
  /** The discount line (coupon by code or the best automatic one), and the tax contained in inclusive prices. */
  discount: { coupon: string; code: string; automatic: boolean; amount: number } | null
  taxIncluded: number
}

/**
 * What `checkout` would charge for this cart, without writing anything: the very same checkout
 * runs inside a savepoint that is always rolled back, so prices, stock, coupon rules and gift card
 * balances are checked exactly as at the till and any refusal answers with checkout's own error.
 * Stock rows and coupon counters are only locked for the moment the quote takes.
 */
export const quoteOrder = async (req: PayloadRequest, input: CheckoutInput): Promise<{ quote: Quote }> =>
  inTransaction(req, async () => {
    await runSql(req, sql`SAVEPOINT order_quote`)
    try {
      // A payment is assumed so the quote can answer "what is due" instead of payment_required.
      // A stripe payment is quoted like cash: the quote never calls Stripe.
      const { order, discount, taxIncluded } = await checkout(req, {
        ...input,
        payment: { ...input?.payment, provider: 'cash' },
      })
      const saved = (await req.payload.db.findOne({
        collection: 'orders' as CollectionSlug,
        where: { id: { equals: order.id } },
        req,
      })) as {
        lines?: {
          product: unknown
          name: string
          kind: string
          quantity: number
          unitPrice: number
          discount: number
          total: number
        }[]
      }
      const lines = (saved?.lines ?? []).map((line) => ({
        product: String(
          typeof line.product === 'object' && line.product ? (line.product as { id: unknown }).id : line.product,
        ),
        name: line.name,
        kind: line.kind,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discount: line.discount,
        total: line.total,
      }))
      const { currency, subtotal, discountTotal, giftCardApplied, tax, total } = order
      return { quote: { currency, lines, subtotal, discountTotal, giftCardApplied, tax, total, discount, taxIncluded } }
    } finally {
      await runSql(req, sql`ROLLBACK TO SAVEPOINT order_quote`)
    }
  })
