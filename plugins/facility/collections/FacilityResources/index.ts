import type { CollectionConfig, Field } from 'payload'
import { anyone, tenantScoped } from '@/core'
import { PRICING_MODES, RESOURCE_TYPES } from '../../types'
import { managerWrite } from '../shared/access'
import { localTimeField } from '../shared/localTimeField'
import { weekdayOptions } from '../shared/weekdayOptions'

/**
 * A bookable bay, court, room, green or piece of equipment with its own rules: opening hours per
 * weekday in its location's zone (else the tenant's), slot length, minimum and maximum duration,
 * buffers before and after that are never sold, approval, booking window, the cap on a member's
 * active reservations, and its prices (rates per tier, peak hours, guest fee).
 */
export const FacilityResources = (group: string, extraFields: Field[] = []): CollectionConfig =>
  tenantScoped(
    {
      slug: 'facility-resources',
      labels: { singular: 'Resource', plural: 'Resources' },
      trash: true,
      admin: { useAsTitle: 'name', defaultColumns: ['name', 'type', 'capacity', 'isActive'], group },
      access: { read: anyone, create: managerWrite, update: managerWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'name'], unique: true }, { fields: ['tenant', 'sortOrder'] }],
      fields: [
        { name: 'name', type: 'text', required: true },
        { name: 'type', type: 'select', defaultValue: 'simulator_bay', options: [...RESOURCE_TYPES] },
        {
          name: 'location',
          type: 'relationship',
          relationTo: 'locations',
          admin: { description: 'Its zone; else the business’s.' },
        },
        { name: 'description', type: 'textarea' },
        { name: 'capacity', type: 'number', defaultValue: 4, min: 1, admin: { description: 'Player slots.' } },
        { name: 'isActive', type: 'checkbox', defaultValue: true },
        { name: 'sortOrder', type: 'number', defaultValue: 0 },
        ...extraFields,
        {
          name: 'trackmanBayId',
          type: 'text',
          admin: {
            description: 'The bay id in Trackman (bookings of this resource are synced when Trackman is connected).',
          },
        },
        {
          name: 'openingHours',
          type: 'array',
          admin: { description: 'Per weekday, local time. A weekday without a row is closed.' },
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'weekday', type: 'select', required: true, options: weekdayOptions },
                localTimeField('opensAt', 'Opens'),
                localTimeField('closesAt', 'Closes'),
              ],
            },
          ],
        },
        {
          name: 'bookingRules',
          type: 'group',
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'slotMinutes', type: 'number', defaultValue: 30, min: 5 },
                { name: 'minMinutes', type: 'number', defaultValue: 30, min: 5 },
                { name: 'maxMinutes', type: 'number', defaultValue: 180, min: 5 },
              ],
            },
            {
              type: 'row',
              fields: [
                { name: 'bufferBeforeMinutes', type: 'number', defaultValue: 0, min: 0 },
                { name: 'bufferAfterMinutes', type: 'number', defaultValue: 0, min: 0 },
              ],
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'bookingWindowDays',
                  type: 'number',
                  defaultValue: 7,
                  min: 0,
                  admin: { description: 'How far ahead non-members (and tiers without their own) may book.' },
                },
                {
                  name: 'maxActivePerMember',
                  type: 'number',
                  min: 1,
                  admin: { description: 'Upcoming reservations a member may hold at once (empty = no cap).' },
                },
                { name: 'requiresApproval', type: 'checkbox', defaultValue: false },
              ],
            },
          ],
        },
        {
          name: 'pricing',
          type: 'group',
          fields: [
            { name: 'mode', type: 'select', defaultValue: 'per_bay_hour', options: [...PRICING_MODES] },
            { name: 'currency', type: 'text', defaultValue: 'USD', admin: { description: 'ISO 4217.' } },
            {
              name: 'guestFee',
              type: 'number',
              defaultValue: 0,
              min: 0,
              admin: { step: 1, description: 'Per guest, minor units (cents); a guest pass waives it.' },
            },
            {
              name: 'rates',
              type: 'array',
              admin: { description: 'Per hour, minor units. A row without a tier is the non-member rate.' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'tier', type: 'relationship', relationTo: 'facility-tiers' },
                    { name: 'peak', type: 'number', required: true, min: 0, admin: { step: 1 } },
                    { name: 'offPeak', type: 'number', required: true, min: 0, admin: { step: 1 } },
                  ],
                },
              ],
            },
            {
              name: 'peakHours',
              type: 'array',
              admin: { description: 'Local time windows priced at the peak rate.' },
              fields: [
                { name: 'days', type: 'select', hasMany: true, required: true, options: weekdayOptions },
                { type: 'row', fields: [localTimeField('startsAt', 'From'), localTimeField('endsAt', 'Until')] },
              ],
            },
          ],
        },
      ],
    },
    {
      publicRead: true,
      isolationFixture: async () => ({ name: `Grid bay ${Math.random().toString(36).slice(2, 10)}` }),
    },
  )
