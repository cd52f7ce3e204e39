import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { lockKey, OperationError, runSql } from '@/core'
import { emitCouponUses, type CouponUsesRow } from './emitCouponUses'
import { couponKindsTable, couponRedemptionsTable, couponsRelsTable, couponsTable } from './sql/couponsTable'

export type CouponLine = { product: string; kind: string; gross: number }
export type ReservedCoupon = { coupon: string; code: string; discount: number; perLine: number[] }

type CouponRow = {
  id: string
  type: string
  value: number
  currency: string | null
  active: boolean
  max_uses: number | null
  uses_count: number | null
  per_member_limit: number | null
  starts_at: string | null
  expires_at: string | null
}

type CouponInput = { tenant: string; code: string; member?: string | null; currency: string; lines: CouponLine[] }

/**
 * Validates a coupon for these lines and prices it, taking nothing: the coupon row, its discount
 * and the discount spread over eligible lines in proportion (the last eligible line takes the
 * rest). Refusals are OperationErrors (404 coupon_not_found, 409 coupon_*). The per-member count
 * is read under an advisory lock held until the transaction ends.
 */
export const priceCoupon = async (req: PayloadRequest, input: CouponInput): Promise<ReservedCoupon> => {
  const code = input.code.trim().toUpperCase()
  const c = couponsTable(req)
  const [coupon] = await runSql<CouponRow>(
    req,
    sql`SELECT ${c.id} AS id, ${c.type} AS type, ${c.value} AS value, ${c.currency} AS currency, ${c.active} AS active,
               ${c.maxUses} AS max_uses, ${c.usesCount} AS uses_count, ${c.perMemberLimit} AS per_member_limit,
               ${c.startsAt} AS starts_at, ${c.expiresAt} AS expires_at
        FROM ${c.$table} WHERE ${c.tenant} = ${input.tenant} AND ${c.code} = ${code}`,
  )
  if (!coupon) throw new OperationError(404, 'coupon_not_found', `No coupon with code ${code}.`)
  const now = new Date()
  if (!coupon.active) throw new OperationError(409, 'coupon_inactive', 'The coupon is not active.')
  if (coupon.starts_at && new Date(coupon.starts_at) > now)
    throw new OperationError(409, 'coupon_not_started', 'The coupon is not valid yet.')
  if (coupon.expires_at && new Date(coupon.expires_at) <= now)
    throw new OperationError(409, 'coupon_expired', 'The coupon has expired.')
  if (coupon.type === 'fixed' && coupon.currency !== input.currency)
    throw new OperationError(
      409,
      'coupon_currency',
      `The coupon is in ${coupon.currency}, the order in ${input.currency}.`,
    )
  if (coupon.max_uses !== null && Number(coupon.uses_count ?? 0) >= Number(coupon.max_uses))
    throw new OperationError(409, 'coupon_exhausted', 'The coupon has no uses left.')

  const k = couponKindsTable(req)
  const r = couponsRelsTable(req)
  const scope = await runSql<{ kind: string | null; product: string | null }>(
    req,
    sql`SELECT k.${k.value}::text AS kind, NULL AS product FROM ${k.$table} k WHERE k.${k.parent} = ${coupon.id}
        UNION ALL
        SELECT NULL, r.${r.product} FROM ${r.$table} r WHERE r.${r.parent} = ${coupon.id} AND r.${r.path} = 'appliesTo.products'`,
  )
  const kinds = scope.map((row) => row.kind).filter(Boolean)
  const products = scope.map((row) => row.product).filter(Boolean)
  const eligible = input.lines.map(
    (line) =>
      line.kind !== 'gift_card' &&
      (kinds.length === 0 || kinds.includes(line.kind)) &&
      (products.length === 0 || products.includes(line.product)),
  )
  const base = input.lines.reduce((sum, line, i) => sum + (eligible[i] ? line.gross : 0), 0)
  if (base === 0)
    throw new OperationError(409, 'coupon_not_applicable', 'The coupon does not apply to anything in this order.')
  const discount =
    coupon.type === 'percent' ? Math.floor((base * Number(coupon.value)) / 100) : Math.min(Number(coupon.value), base)

  if (coupon.per_member_limit !== null) {
    if (!input.member)
      throw new OperationError(
        409,
        'coupon_needs_member',
        'This coupon is limited per member; choose the member first.',
      )
    await lockKey(req, `coupon:${coupon.id}:${input.member}`)
    const redemptions = couponRedemptionsTable(req)
    const [used] = await runSql<{ n: string }>(
      req,
      sql`SELECT count(*) AS n FROM ${redemptions.$table}
          WHERE ${redemptions.coupon} = ${coupon.id} AND ${redemptions.member} = ${input.member}`,
    )
    if (Number(used.n) >= Number(coupon.per_member_limit))
      throw new OperationError(
        409,
        'coupon_member_limit',
        'This member has already used this coupon as often as allowed.',
      )
  }

  const perLine = input.lines.map(() => 0)
  let left = discount
  const last = eligible.lastIndexOf(true)
  input.lines.forEach((line, i) => {
    if (!eligible[i]) return
    const share = i === last ? left : Math.floor((discount * line.gross) / base)
    perLine[i] = share
    left -= share
  })
  return { coupon: coupon.id, code, discount, perLine }
}

/**
 * Validates a coupon code for these lines and takes one use of it: `priceCoupon`, then one
 * conditional increment that never passes maxUses. The caller writes the redemption row in the
 * same transaction.
 */
export const reserveCoupon = async (req: PayloadRequest, input: CouponInput): Promise<ReservedCoupon> => {
  const priced = await priceCoupon(req, input)
  const taken = await takeCouponUse(req, priced.coupon)
  if (!taken) throw new OperationError(409, 'coupon_exhausted', 'The coupon has no uses left.')
  return priced
}

/**
 * The best automatic discount for these lines: every active `automatic` coupon of the tenant is
 * priced (`priceCoupon`; those whose conditions do not match are skipped) and the largest
 * discount wins, then its use is taken. Null when none applies (or the winner ran out meanwhile).
 */
export const reserveAutomaticCoupon = async (
  req: PayloadRequest,
  input: Omit<CouponInput, 'code'>,
): Promise<(ReservedCoupon & { automatic: true }) | null> => {
  const c = couponsTable(req)
  const candidates = await runSql<{ code: string }>(
    req,
    sql`SELECT ${c.code} AS code FROM ${c.$table} WHERE ${c.tenant} = ${input.tenant} AND ${c.mode} = 'automatic' AND ${c.active} ORDER BY ${c.code}`,
  )
  let best: ReservedCoupon | null = null
  for (const { code } of candidates) {
    const priced = await priceCoupon(req, { ...input, code }).catch((error: unknown) => {
      if (error instanceof OperationError) return null
      throw error
    })
    if (priced && (!best || priced.discount > best.discount)) best = priced
  }
  if (!best) return null
  return (await takeCouponUse(req, best.coupon)) ? { ...best, automatic: true } : null
}

/**
 * One use of a coupon, by one conditional increment that never passes maxUses; false when none is
 * left. The spend that takes an advertised coupon's last use emits `coupon.offer_changed`
 * (`exhausted`, `emitCouponUses`): only one spend can see the count reach the limit.
 */
const takeCouponUse = async (req: PayloadRequest, coupon: string): Promise<boolean> => {
  const c = couponsTable(req)
  const [taken] = await runSql<CouponUsesRow>(
    req,
    sql`UPDATE ${c.$table} SET ${c.usesCount} = coalesce(${c.usesCount}, 0) + 1, ${c.updatedAt} = now()
        WHERE ${c.id} = ${coupon} AND ${c.active} AND (${c.maxUses} IS NULL OR coalesce(${c.usesCount}, 0) < ${c.maxUses})
        RETURNING ${c.id} AS id, ${c.tenant} AS tenant_id, ${c.code} AS code, ${c.name} AS name,
                  ${c.advertise} AS advertise, ${c.active} AS active, ${c.startsAt} AS starts_at,
                  ${c.expiresAt} AS expires_at, ${c.usesCount} AS uses_count, ${c.maxUses} AS max_uses`,
  )
  if (!taken) return false
  await emitCouponUses(req, taken, 'spent')
  return true
}
