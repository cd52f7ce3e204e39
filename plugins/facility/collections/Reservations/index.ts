import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { RESERVATION_SOURCES, RESERVATION_STATUSES, CANCEL_REASONS } from '../../types'
import { gridResource } from '../shared/gridFixtures'
import { deskWrite, staffOrOwnRows } from '../shared/access'
import { announceCancel } from './hooks/announceCancel'
import { announceMove } from './hooks/announceMove'
import { guardReservation } from './hooks/guardReservation'
import type { AccessCodeOptions } from '../../operations/accessCode'

/**
 * A member's hold on a resource from `startAt` to `endAt` (UTC). `blockedFrom`/`blockedUntil` add
 * the resource's buffers; a PostgreSQL exclusion constraint keeps the blocked ranges of a
 * resource's active (requested or confirmed) reservations apart, so of two concurrent bookings
 * exactly one wins. Members book and cancel through `/api/reservations/book` and `/:id/cancel`.
 */
export const Reservations = (group: string, codes: AccessCodeOptions): CollectionConfig =>
  tenantScoped(
    {
      slug: 'reservations',
      admin: {
        useAsTitle: 'id',
        defaultColumns: ['resource', 'member', 'startAt', 'endAt', 'status'],
        group,
      },
      access: { read: staffOrOwnRows, create: deskWrite, update: deskWrite, delete: deskWrite },
      indexes: [
        { fields: ['tenant', 'startAt'] },
        { fields: ['tenant', 'member', 'startAt'] },
        { fields: ['tenant', 'resource', 'startAt'] },
        { fields: ['tenant', 'accessCode'] },
        // ---- trackman import ----
        { fields: ['tenant', 'importKey'], unique: true },
      ],
      hooks: { beforeChange: [guardReservation(codes)], afterChange: [announceCancel, announceMove] },
      fields: [
        { name: 'resource', type: 'relationship', relationTo: 'facility-resources', required: true },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
        {
          type: 'row',
          fields: [
            { name: 'startAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
            { name: 'endAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'blockedFrom',
              type: 'date',
              admin: { readOnly: true, description: 'Start less the buffer before.' },
            },
            {
              name: 'blockedUntil',
              type: 'date',
              admin: { readOnly: true, description: 'End plus the buffer after.' },
            },
          ],
        },
        { name: 'durationMinutes', type: 'number', admin: { readOnly: true } },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'confirmed',
          options: [...RESERVATION_STATUSES],
        },
        { name: 'source', type: 'select', defaultValue: 'staff', options: [...RESERVATION_SOURCES] },
        {
          name: 'accessCode',
          type: 'text',
          admin: { readOnly: true, description: 'Door code; cleared when the reservation is cancelled.' },
        },
        {
          type: 'row',
          fields: [
            { name: 'accessValidFrom', type: 'date', admin: { readOnly: true } },
            { name: 'accessValidUntil', type: 'date', admin: { readOnly: true } },
          ],
        },
        { name: 'closure', type: 'relationship', relationTo: 'closures', admin: { readOnly: true } },
        { name: 'cancelledAt', type: 'date', admin: { readOnly: true } },
        { name: 'cancelReason', type: 'select', options: [...CANCEL_REASONS], admin: { readOnly: true } },
        { name: 'checkedInAt', type: 'date' },
        {
          name: 'trackman',
          type: 'group',
          admin: { description: 'The Trackman session played on this reservation (from Trackman webhooks).' },
          fields: [
            { name: 'sessionId', type: 'text', admin: { readOnly: true } },
            { name: 'sessionStartedAt', type: 'date', admin: { readOnly: true } },
            { name: 'sessionEndedAt', type: 'date', admin: { readOnly: true } },
          ],
        },
        { name: 'notes', type: 'textarea' },
        // ---- trackman import ----
        {
          name: 'importKey',
          type: 'text',
          access: { update: () => false },
          admin: {
            readOnly: true,
            description:
              'Made by a Trackman CSV import: its Trackman booking id, else a hash of bay, times and person (unique per business, so a re-import creates nothing).',
          },
        },
      ],
    },
    {
      isolationFixture: async ({ tenant, member, payload }) => {
        const resource = await gridResource(payload, tenant)
        const start = Date.now() + 60 * 86_400_000
        return {
          resource,
          member,
          startAt: new Date(start).toISOString(),
          endAt: new Date(start + 3_600_000).toISOString(),
          status: 'confirmed',
        }
      },
    },
  )
