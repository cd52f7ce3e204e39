import type { CollectionConfig } from 'payload'
import { DESK_ROLES, nobody, tenantRole, tenantScoped } from '@/core'

/** One use of a coupon, written in the same transaction as the usesCount increment. */
export const CouponRedemptions: CollectionConfig = tenantScoped({
  slug: 'coupon-redemptions',
  admin: { defaultColumns: ['coupon', 'member', 'amountDiscounted', 'redeemedAt'], group: 'Commerce' },
  access: { read: tenantRole(DESK_ROLES), create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['tenant', 'coupon', 'member'] }],
  fields: [
    { name: 'coupon', type: 'relationship', relationTo: 'coupons', required: true },
    { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
    { name: 'order', type: 'relationship', relationTo: 'orders' },
    { name: 'amountDiscounted', type: 'number', required: true, min: 0 },
    { name: 'redeemedAt', type: 'date', required: true },
  ],
})
