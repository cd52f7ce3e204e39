import type { CollectionConfig } from 'payload'
import { DESK_ROLES, moneyField, nobody, or, self, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'
import { cancelEndpoint } from '../../endpoints/cancelEndpoint'
import { cancelPreviewEndpoint } from '../../endpoints/cancelPreviewEndpoint'
import { checkInEndpoint } from '../../endpoints/checkInEndpoint'
import { claimEndpoint } from '../../endpoints/claimEndpoint'
import { paymentFields } from '../../fields/paymentFields'

const systemOnly = { create: () => false, update: () => false }

/**
 * A member's place (or waitlist spot) in a class. Made and changed through the book / cancel /
 * check-in endpoints, which keep the class counters right; direct REST writes are desk-only and
 * cannot touch status or counters.
 */
export const Bookings = (): CollectionConfig =>
  tenantScoped(
    {
      slug: 'bookings',
      admin: { useAsTitle: 'id', defaultColumns: ['class', 'member', 'status', 'startTime'], group: 'Bookings' },
      access: {
        read: or(tenantRole(STAFF_ROLES), self('member.user')),
        create: nobody, // only the book endpoint creates bookings
        update: tenantRole(DESK_ROLES),
        delete: nobody,
      },
      indexes: [
        { fields: ['tenant', 'startTime'] },
        { fields: ['tenant', 'member', 'status', 'checkedInAt'] },
        { fields: ['tenant', 'createdAt'] },
        { fields: ['class', 'status', 'waitlistedAt'] },
      ],
      endpoints: [cancelPreviewEndpoint, cancelEndpoint, checkInEndpoint, claimEndpoint],
      fields: [
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'classes',
          required: true,
          access: { update: () => false },
        },
        {
          name: 'member',
          type: 'relationship',
          relationTo: 'tenant-memberships',
          required: true,
          access: { update: () => false },
        },
        { name: 'startTime', type: 'date', access: systemOnly, admin: { readOnly: true } },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'confirmed',
          options: ['confirmed', 'waitlisted', 'offered', 'cancelled', 'late_cancelled', 'checked_in', 'no_show'],
          access: systemOnly,
          admin: { position: 'sidebar', readOnly: true },
        },
        { name: 'waitlistPosition', type: 'number', access: systemOnly, admin: { readOnly: true } },
        { name: 'attendanceType', type: 'select', defaultValue: 'in_person', options: ['in_person', 'virtual'] },
        ...paymentFields(),
        { name: 'waitlistedAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        { name: 'promotedAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        { name: 'offeredAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        {
          name: 'offerExpiresAt',
          type: 'date',
          access: systemOnly,
          admin: { readOnly: true, description: 'An offered place must be claimed before this.' },
        },
        { name: 'checkedInAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        { name: 'cancelledAt', type: 'date', access: systemOnly, admin: { readOnly: true } },
        { name: 'cancellationReason', type: 'text', access: systemOnly, admin: { readOnly: true } },
        moneyField({ name: 'lateCancelFee', label: 'Late-cancel fee', access: systemOnly }),
        { name: 'feedbackScore', type: 'number', min: 1, max: 5 },
        {
          name: 'source',
          type: 'select',
          defaultValue: 'member',
          options: ['member', 'staff', 'waitlist', 'import', 'api'],
          access: systemOnly,
        },
      ],
    },
    // Grid documents are cancelled bookings: they hold no place, so several may share a class and member.
    { isolationFixture: () => ({ status: 'cancelled' }) },
  )
