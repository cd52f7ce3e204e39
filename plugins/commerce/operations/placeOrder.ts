import { randomBytes } from 'node:crypto'
import type { CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, OperationError, runSql } from '@/core'
import { purchaseGuardPort } from '../contract'
import { redeemGiftCard } from './redeemGiftCard'
import { computeTax } from './computeTax'
import { reserveAutomaticCoupon, reserveCoupon } from './reserveCoupon'
import { ordersTable } from './sql/ordersTable'
import { productsTable } from './sql/productsTable'

export type PlaceOrderInput = {
  tenant: string
  member?: string | null
  buyer?: { email?: string | null; name?: string | null } | null
  lines: { product: string; quantity: number }[]
  couponCode?: string | null
  giftCard?: { code: string; amount?: number | null } | null
  /** Tax entered by hand; only when the tenant has no tax rates (else the tax engine computes it). */
  tax: number
  /** `paid` for a sale paid now (the caller records the payment), `pending` for a reservation paid later. */
  status: 'paid' | 'pending'
  channel: 'pos' | 'online'
  /** A pending order stops holding stock, coupon use and gift-card amount then (`holdUntil`); the expiry job cancels it. */
  expiresAt?: Date | null
}

type ProductRow = {
  id: string
  name: string
  kind: string
  price_amount: number
  price_currency: string
  is_active: boolean
  pack_credits: number | null
}

export type PlacedOrder = {
  order: {
    id: string
    number: string
    status: string
    currency: string
    subtotal: number
    discountTotal: number
    giftCardApplied: number
    tax: number
    total: number
  }
  giftCard: string | null
  /** The discount line: the coupon applied (by code, or the best automatic one). */
  discount: { coupon: string; code: string; automatic: boolean; amount: number } | null
  taxIncluded: number
}

/** The order-line kind of a product kind. */
export const lineKind = (kind: string): string =>
  ['credit_pack', 'gift_card', 'day_pass', 'fee'].includes(kind) ? kind : 'product'
/** A readable order number, unique per tenant in SQL: `20261122-1A2B3C4D`. */
export const orderNumber = () =>
  `${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`

/**
 * The one pricing code of commerce, in the request's transaction: products must be active, in the
 * tenant and in one currency; prices are snapshotted onto the lines; stock is taken by conditional
 * UPDATEs in product-id order (never below 0, no deadlocks); the coupon use and the gift card
 * amount are taken by conditional UPDATEs (the coupon given by code, else the best automatic one);
 * tax comes from the tenant's tax rates (`computeTax`) or, without rates, from the caller; the
 * order row (total = subtotal − discount − gift card + tax) and the coupon redemption are written.
 * Payment and fulfilment are the caller's.
 */
export const placeOrder = async (req: PayloadRequest, input: PlaceOrderInput): Promise<PlacedOrder> => {
  if (input.member) {
    const member = await req.payload.db.findOne({
      collection: 'tenant-memberships',
      where: { and: [{ id: { equals: input.member } }, { tenant: { equals: input.tenant } }] },
      req,
    })
    if (!member) throw new OperationError(400, 'unknown_member', 'member is not a member of this business.')
  }

  const quantities = new Map<string, number>()
  for (const line of input.lines) quantities.set(line.product, (quantities.get(line.product) ?? 0) + line.quantity)
  const productIds = [...quantities.keys()].sort()
  const p = productsTable(req)
  const products = new Map<string, ProductRow>()
  for (const productId of productIds) {
    const [row] = await runSql<ProductRow>(
      req,
      sql`SELECT ${p.id} AS id, ${p.name} AS name, ${p.kind} AS kind, ${p.priceAmount} AS price_amount, ${p.priceCurrency} AS price_currency,
                 ${p.isActive} AS is_active, ${p.packCredits} AS pack_credits
          FROM ${p.$table} WHERE ${p.id} = ${productId} AND ${p.tenant} = ${input.tenant} AND ${p.deletedAt} IS NULL`,
    )
    if (!row) throw new OperationError(400, 'unknown_product', `Product ${productId} is not sold here.`)
    if (!row.is_active) throw new OperationError(409, 'product_inactive', `${row.name} is not for sale.`)
    if (row.kind === 'credit_pack' && !input.member)
      throw new OperationError(
        400,
        'member_required',
        `${row.name} is a credit pack: choose the member who gets the credits.`,
      )
    if (row.kind === 'credit_pack' && !(Number(row.pack_credits) > 0))
      throw new OperationError(409, 'pack_without_credits', `${row.name} has no credits configured.`)
    products.set(productId, row)
  }
  const currencies = new Set([...products.values()].map((p) => p.price_currency))
  if (currencies.size > 1)
    throw new OperationError(400, 'mixed_currencies', 'All products of an order must share one currency.')
  const currency = [...currencies][0]

  // ---- purchase guard ----
  // Another plugin may refuse this buyer these products (lms: content needs a verified e-mail),
  // before any stock, coupon use or gift-card amount is taken.
  const guard = await callPort(req, purchaseGuardPort, {
    tenant: input.tenant,
    member: input.member ?? null,
    channel: input.channel,
    lines: productIds.map((id) => ({ product: id, kind: products.get(id)!.kind, quantity: quantities.get(id)! })),
  })
  if (!guard.allowed)
    throw new OperationError(guard.status >= 400 && guard.status < 500 ? guard.status : 403, guard.code, guard.message)
  // ---- /purchase guard ----

  for (const productId of productIds) {
    const quantity = quantities.get(productId)!
    const taken = await runSql<{ stock_quantity: number | null }>(
      req,
      sql`UPDATE ${p.$table} SET ${p.stockQuantity} = ${p.stockQuantity} - ${quantity}, ${p.updatedAt} = now()
          WHERE ${p.id} = ${productId} AND ${p.stockQuantity} IS NOT NULL AND ${p.stockQuantity} >= ${quantity}
          RETURNING ${p.stockQuantity} AS stock_quantity`,
    )
    if (taken.length === 0) {
      const [now] = await runSql<{ stock_quantity: number | null }>(
        req,
        sql`SELECT ${p.stockQuantity} AS stock_quantity FROM ${p.$table} WHERE ${p.id} = ${productId}`,
      )
      if (now && now.stock_quantity !== null) {
        throw new OperationError(
          409,
          'out_of_stock',
          `Only ${now.stock_quantity} of ${products.get(productId)!.name} left.`,
        )
      }
    }
  }

  const lines = input.lines.map((line) => {
    const product = products.get(line.product)!
    const unitPrice = Number(product.price_amount)
    return { product, quantity: line.quantity, unitPrice, gross: unitPrice * line.quantity }
  })
  const subtotal = lines.reduce((sum, line) => sum + line.gross, 0)

  const couponLines = lines.map((line) => ({ product: line.product.id, kind: line.product.kind, gross: line.gross }))
  const coupon = input.couponCode
    ? {
        ...(await reserveCoupon(req, {
          tenant: input.tenant,
          code: input.couponCode,
          member: input.member,
          currency,
          lines: couponLines,
        })),
        automatic: false,
      }
    : await reserveAutomaticCoupon(req, { tenant: input.tenant, member: input.member, currency, lines: couponLines })
  const discountTotal = coupon?.discount ?? 0
  const taxed = await computeTax(
    req,
    input.tenant,
    lines.map((line, i) => ({ kind: line.product.kind, net: line.gross - (coupon?.perLine[i] ?? 0) })),
  )
  if (taxed.configured && input.tax > 0)
    throw new OperationError(400, 'tax_computed', 'This business has tax rates: tax is computed, do not send it.')
  const tax = taxed.configured ? taxed.tax : input.tax
  const due = subtotal - discountTotal + tax
  const giftCardAmount = input.giftCard ? (input.giftCard.amount ?? due) : 0
  if (giftCardAmount > due)
    throw new OperationError(
      400,
      'gift_card_exceeds_due',
      `giftCard.amount (${giftCardAmount}) is more than the amount due (${due}).`,
    )
  const total = due - giftCardAmount

  const number = orderNumber()
  const now = new Date().toISOString()
  const order = (await req.payload.db.create({
    collection: 'orders' as CollectionSlug,
    data: {
      tenant: input.tenant,
      number,
      member: input.member ?? null,
      buyer: { email: input.buyer?.email ?? null, name: input.buyer?.name ?? null },
      staff: input.channel === 'pos' && req.user?.collection === 'users' ? req.user.id : null,
      channel: input.channel,
      status: input.status,
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
      tax,
      taxIncluded: taxed.taxIncluded,
      total,
      amountRefunded: 0,
      coupon: coupon?.coupon ?? null,
      purchasedAt: input.status === 'paid' ? now : null,
      expiresAt: input.status === 'pending' && input.expiresAt ? input.expiresAt.toISOString() : null,
    },
    req,
  })) as { id: string }

  let giftCard: string | null = null
  if (input.giftCard && giftCardAmount > 0) {
    giftCard = (
      await redeemGiftCard(req, {
        tenant: input.tenant,
        code: input.giftCard.code,
        amount: giftCardAmount,
        currency,
        order: order.id,
      })
    ).giftCard
    const o = ordersTable(req)
    await runSql(req, sql`UPDATE ${o.$table} SET ${o.giftCard} = ${giftCard} WHERE ${o.id} = ${order.id}`)
  }
  if (coupon) {
    await req.payload.db.create({
      collection: 'coupon-redemptions' as CollectionSlug,
      data: {
        tenant: input.tenant,
        coupon: coupon.coupon,
        member: input.member ?? null,
        order: order.id,
        amountDiscounted: coupon.discount,
        redeemedAt: now,
      },
      req,
    })
  }
  return {
    order: {
      id: order.id,
      number,
      status: input.status,
      currency,
      subtotal,
      discountTotal,
      giftCardApplied: giftCardAmount,
      tax,
      total,
    },
    giftCard,
    discount: coupon
      ? { coupon: coupon.coupon, code: coupon.code, automatic: coupon.automatic, amount: coupon.discount }
      : null,
    taxIncluded: taxed.taxIncluded,
  }
}
