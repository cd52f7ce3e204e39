import { randomBytes } from 'node:crypto'
import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { audit, emit, OperationError, runSql } from '@/core'
import { requireDeskRole } from '@/core'
import { recordManualPayment } from '@plugins/billing'
import { grantCredits } from './grantCredits'
import { issueGiftCard } from './issueGiftCard'
import { redeemGiftCard } from './redeemGiftCard'
import { reserveCoupon } from './reserveCoupon'

const id = z.string().min(1)
const minor = (label: string) => z.number({ message: `${label} must be a number.` }).int({ message: `${label} must be whole minor units (cents).` })

export const checkoutInput = z.object({
  tenant: id,
  member: id.nullish(),
  buyer: z.object({ email: z.email({ message: 'buyer.email must be an email address.' }).nullish(), name: z.string().max(200).nullish() }).nullish(),
  lines: z
    .array(
      z.object({
        product: z.string({ message: 'Each line needs a product id.' }).min(1, { message: 'Each line needs a product id.' }),
        quantity: z.number().int({ message: 'quantity must be a whole number.' }).min(1, { message: 'quantity must be at least 1.' }).max(1000, { message: 'quantity must be at most 1000.' }),
      }),
      { message: 'lines must be a list of { product, quantity }.' },
    )
    .min(1, { message: 'An order needs at least one line.' })
    .max(100, { message: 'An order has at most 100 lines.' }),
  couponCode: z.string().trim().min(1).max(40).nullish(),
  giftCard: z.object({ code: z.string().trim().min(4, { message: 'giftCard.code is too short.' }), amount: minor('giftCard.amount').positive().nullish() }).nullish(),
  tax: minor('tax').min(0, { message: 'tax cannot be negative.' }).default(0),
  payment: z
    .object({
      provider: z.enum(['cash', 'terminal'], { message: 'payment.provider must be cash or terminal.' }),
      providerRef: z.string().max(200).nullish(),
      method: z.string().max(100).nullish(),
    })
    .nullish(),
})

export type CheckoutInput = z.input<typeof checkoutInput>

type ProductRow = {
  id: string
  name: string
  kind: string
  price_amount: number
  price_currency: string
  stock_quantity: number | null
  is_active: boolean
  pack_credits: number | null
  pack_credit_type: string | null
  pack_validity_days: number | null
}

export type CheckoutResult = {
  order: { id: string; number: string; status: string; currency: string; subtotal: number; discountTotal: number; giftCardApplied: number; tax: number; total: number }
  payment: string | null
  giftCards: { id: string; code: string }[]
  creditLots: string[]
}

const lineKind = (kind: string): string => (['credit_pack', 'gift_card', 'day_pass', 'fee'].includes(kind) ? kind : 'product')
const orderNumber = () => `${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`

/**
 * A POS sale by desk staff, in the request's transaction: prices are snapshotted, stock is taken
 * by conditional UPDATEs (never below 0), the coupon use and gift card amount are taken by
 * conditional UPDATEs, the rest is recorded as a cash or terminal payment through billing, then
 * packs become credit lots and gift card products become cards. Any refusal rolls it all back.
 */
export const checkout = async (req: PayloadRequest, raw: CheckoutInput): Promise<CheckoutResult> => {
  const parsed = checkoutInput.safeParse(raw)
  if (!parsed.success) throw new OperationError(400, 'invalid_input', parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join(' '))
  const input = parsed.data
  requireDeskRole(req, input.tenant)

  if (input.member) {
    const member = await req.payload.db.findOne({ collection: 'tenant-memberships', where: { and: [{ id: { equals: input.member } }, { tenant: { equals: input.tenant } }] }, req })
    if (!member) throw new OperationError(400, 'unknown_member', 'member is not a member of this business.')
  }

  // Merge repeated products and lock rows in id order so concurrent sales never deadlock.
  const quantities = new Map<string, number>()
  for (const line of input.lines) quantities.set(line.product, (quantities.get(line.product) ?? 0) + line.quantity)
  const productIds = [...quantities.keys()].sort()
  const products = new Map<string, ProductRow>()
  for (const productId of productIds) {
    const [row] = await runSql<ProductRow>(
      req,
      sql`SELECT id, name, kind, price_amount, price_currency, stock_quantity, is_active, pack_credits, pack_credit_type, pack_validity_days
          FROM products WHERE id = ${productId} AND tenant_id = ${input.tenant} AND deleted_at IS NULL`,
    )
    if (!row) throw new OperationError(400, 'unknown_product', `Product ${productId} is not sold here.`)
    if (!row.is_active) throw new OperationError(409, 'product_inactive', `${row.name} is not for sale.`)
    if (row.kind === 'credit_pack' && !input.member) throw new OperationError(400, 'member_required', `${row.name} is a credit pack: choose the member who gets the credits.`)
    if (row.kind === 'credit_pack' && !(Number(row.pack_credits) > 0)) throw new OperationError(409, 'pack_without_credits', `${row.name} has no credits configured.`)
    products.set(productId, row)
  }
  const currencies = new Set([...products.values()].map((p) => p.price_currency))
  if (currencies.size > 1) throw new OperationError(400, 'mixed_currencies', 'All products of an order must share one currency.')
  const currency = [...currencies][0]

  for (const productId of productIds) {
    const quantity = quantities.get(productId)!
    const taken = await runSql<{ stock_quantity: number | null }>(
      req,
      sql`UPDATE products SET stock_quantity = stock_quantity - ${quantity}, updated_at = now()
          WHERE id = ${productId} AND stock_quantity IS NOT NULL AND stock_quantity >= ${quantity}
          RETURNING stock_quantity`,
    )
    if (taken.length === 0) {
      const [now] = await runSql<{ stock_quantity: number | null }>(req, sql`SELECT stock_quantity FROM products WHERE id = ${productId}`)
      if (now && now.stock_quantity !== null) {
        throw new OperationError(409, 'out_of_stock', `Only ${now.stock_quantity} of ${products.get(productId)!.name} left.`)
      }
    }
  }

  const lines = input.lines.map((line) => {
    const product = products.get(line.product)!
    const unitPrice = Number(product.price_amount)
    return { product, quantity: line.quantity, unitPrice, gross: unitPrice * line.quantity }
  })
  const subtotal = lines.reduce((sum, line) => sum + line.gross, 0)

  const coupon = input.couponCode
    ? await reserveCoupon(req, {
        tenant: input.tenant,
        code: input.couponCode,
        member: input.member,
        currency,
        lines: lines.map((line) => ({ product: line.product.id, kind: line.product.kind, gross: line.gross })),
      })
    : null
  const discountTotal = coupon?.discount ?? 0
  const due = subtotal - discountTotal + input.tax
  const giftCardAmount = input.giftCard ? (input.giftCard.amount ?? due) : 0
  if (giftCardAmount > due) throw new OperationError(400, 'gift_card_exceeds_due', `giftCard.amount (${giftCardAmount}) is more than the amount due (${due}).`)
  const total = due - giftCardAmount
  if (total > 0 && !input.payment) throw new OperationError(400, 'payment_required', `Payment of ${total} is due: send payment.provider cash or terminal.`)

  const number = orderNumber()
  const now = new Date().toISOString()
  const order = (await req.payload.db.create({
    collection: 'orders' as CollectionSlug,
    data: {
      tenant: input.tenant,
      number,
      member: input.member ?? null,
      buyer: { email: input.buyer?.email ?? null, name: input.buyer?.name ?? null },
      staff: req.user?.collection === 'users' ? req.user.id : null,
      channel: 'pos',
      status: 'paid',
      currency,
      lines: lines.map((line, i) => ({
        id: randomBytes(12).toString('hex'),
        kind: lineKind(line.product.kind),
        product: line.product.id,
        name: line.product.name,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discount: coupon?.perLine[i] ?? 0,
        total: line.gross,
      })),
      subtotal,
      discountTotal,
      giftCardApplied: giftCardAmount,
      tax: input.tax,
      total,
      amountRefunded: 0,
      coupon: coupon?.coupon ?? null,
      purchasedAt: now,
    },
    req,
  })) as unknown as { id: string }

  let giftCardId: string | null = null
  if (input.giftCard && giftCardAmount > 0) {
    giftCardId = (await redeemGiftCard(req, { tenant: input.tenant, code: input.giftCard.code, amount: giftCardAmount, currency, order: order.id })).giftCard
  }
  if (coupon) {
    await req.payload.db.create({
      collection: 'coupon-redemptions' as CollectionSlug,
      data: { tenant: input.tenant, coupon: coupon.coupon, member: input.member ?? null, order: order.id, amountDiscounted: coupon.discount, redeemedAt: now },
      req,
    })
  }
  let paymentId: string | null = null
  if (total > 0 && input.payment) {
    const payment = await recordManualPayment(req, {
      tenant: input.tenant,
      member: input.member ?? null,
      payerEmail: input.buyer?.email ?? null,
      purpose: 'order',
      ref: { collection: 'orders', id: order.id },
      provider: input.payment.provider,
      method: input.payment.method ?? null,
      providerRef: input.payment.providerRef ?? null,
      amount: { amount: total, currency },
    })
    paymentId = payment.id
  }
  if (paymentId || giftCardId) {
    await req.payload.db.updateOne({ collection: 'orders' as CollectionSlug, id: order.id, data: { payment: paymentId, giftCard: giftCardId }, req })
  }

  const giftCards: { id: string; code: string }[] = []
  const creditLots: string[] = []
  for (const line of lines) {
    for (let n = 0; n < line.quantity && line.product.kind === 'gift_card'; n++) {
      giftCards.push(await issueGiftCard(req, { tenant: input.tenant, amount: line.unitPrice, currency, order: order.id, buyer: input.member ?? null }))
    }
    if (line.product.kind === 'credit_pack') {
      const days = line.product.pack_validity_days
      const { lot } = await grantCredits(req, {
        tenant: input.tenant,
        member: input.member!,
        credits: Number(line.product.pack_credits) * line.quantity,
        creditType: line.product.pack_credit_type ?? 'class',
        source: 'pack_purchase',
        expiresAt: days ? new Date(Date.now() + Number(days) * 86_400_000).toISOString() : null,
        product: line.product.id,
        order: order.id,
        pricePaid: { amount: line.gross, currency },
      })
      creditLots.push(lot)
    }
  }

  const summary = { id: order.id, number, status: 'paid', currency, subtotal, discountTotal, giftCardApplied: giftCardAmount, tax: input.tax, total }
  await audit(req, { category: 'billing', action: 'order.paid', tenant: input.tenant, resourceType: 'orders', resourceId: order.id, amount: { amount: total, currency }, after: summary })
  await emit(req, { type: 'order.paid', tenant: input.tenant, subject: { collection: 'orders', id: order.id }, data: { ...summary, member: input.member ?? null, payment: paymentId } })
  return { order: summary, payment: paymentId, giftCards, creditLots }
}
