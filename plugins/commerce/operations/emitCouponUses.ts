import type { PayloadRequest } from 'payload'
import { emit, siteChanged } from '@/core'

/** A coupon row as the conditional use statements return it (`takeCouponUse`, `giveCouponUseBack`). */
export type CouponUsesRow = {
  id: string
  tenant_id: string
  code: string
  name: string | null
  advertise: boolean | null
  active: boolean | null
  starts_at: string | Date | null
  expires_at: string | Date | null
  uses_count: number | string | null
  max_uses: number | string | null
}

const iso = (value: string | Date | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString()

/**
 * After one conditional statement moved an advertised coupon's use count: `coupon.offer_changed`
 * when it crossed its limit, in the request's transaction — `exhausted` when this spend took the
 * last use (`uses_count = max_uses`: exactly one spend can return that, the increment never passes
 * the limit), `restored` when a cancelled order gave back a use of a used-up coupon
 * (`uses_count = max_uses - 1`). The website's sync then deletes or posts its OFFER posts again
 * (its `advertisedOfferPort` answers null while no use is left); the pricing page's offer view is
 * refreshed. Nothing for coupons that are not advertised or have no limit.
 */
export const emitCouponUses = async (
  req: PayloadRequest,
  row: CouponUsesRow | undefined,
  change: 'spent' | 'restored',
): Promise<boolean> => {
  if (!row?.advertise || row.max_uses === null || row.uses_count === null) return false
  const [uses, max] = [Number(row.uses_count), Number(row.max_uses)]
  const crossed = change === 'spent' ? uses === max : uses === max - 1
  if (!crossed) return false
  await emit(req, {
    type: 'coupon.offer_changed',
    tenant: row.tenant_id,
    subject: { collection: 'coupons', id: row.id },
    data: {
      coupon: String(row.id),
      code: row.code,
      title: row.name?.trim() || null,
      advertised: change === 'restored' && row.active !== false,
      startsAt: iso(row.starts_at),
      endsAt: iso(row.expires_at),
      reason: change === 'spent' ? 'exhausted' : 'restored',
    },
  })
  siteChanged(row.tenant_id, 'pricing')
  return true
}
