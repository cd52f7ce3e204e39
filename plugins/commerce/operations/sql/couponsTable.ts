import { defineSqlTable } from '@/core'

/** `coupons` as the commerce plugin's raw SQL uses it. */
export const couponsTable = defineSqlTable('coupons', {
  id: 'id',
  tenant: 'tenant',
  code: 'code',
  name: 'name',
  advertise: 'advertise',
  mode: 'mode',
  type: 'type',
  value: 'value',
  currency: 'currency',
  active: 'active',
  maxUses: 'maxUses',
  usesCount: 'usesCount',
  perMemberLimit: 'perMemberLimit',
  startsAt: 'startsAt',
  expiresAt: 'expiresAt',
  updatedAt: 'updatedAt',
})

/** The hasMany `appliesTo.kinds` select of a coupon. */
export const couponKindsTable = defineSqlTable('coupons.appliesTo.kinds', { parent: 'parent', value: 'value' })

/** The relationships table of `coupons` (its `appliesTo.products`). */
export const couponsRelsTable = defineSqlTable('coupons._rels', {
  parent: 'parent',
  path: 'path',
  product: 'products',
})

/** `coupon-redemptions`: one row per order that used a coupon. */
export const couponRedemptionsTable = defineSqlTable('coupon-redemptions', {
  coupon: 'coupon',
  member: 'member',
  order: 'order',
})
