import type { CollectionConfig } from 'payload'
import { nobody, tenantScoped } from '@/core'
import { staffOrOwnRows } from '../shared/access'

/**
 * lms's copy of a member's subscription, as far as content goes: which plan, whether it gives
 * access, and until when. Kept by the billing subscribers (`subscription.*` events, re-reading the
 * subscription each time, so the order of deliveries does not matter); the access decision reads
 * it with the plan's content rules. Nobody writes it through the API.
 */
export const ContentSubscriptions = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'content-subscriptions',
      admin: {
        useAsTitle: 'subscription',
        defaultColumns: ['member', 'plan', 'status', 'accessUntil', 'syncedAt'],
        group,
        description: 'Subscriptions as the content library sees them (kept from billing events).',
      },
      access: { read: staffOrOwnRows, create: nobody, update: nobody, delete: nobody },
      indexes: [{ fields: ['tenant', 'subscription'], unique: true }, { fields: ['tenant', 'member', 'plan'] }],
      fields: [
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
        { name: 'subscription', type: 'text', required: true, admin: { description: 'The billing subscription.' } },
        { name: 'plan', type: 'text', required: true, admin: { description: 'Its membership plan.' } },
        { name: 'status', type: 'text', required: true },
        {
          name: 'entitled',
          type: 'checkbox',
          defaultValue: false,
          admin: { description: 'Trialing, active or past due.' },
        },
        {
          name: 'accessUntil',
          type: 'date',
          admin: { description: 'Cancelled at period end: access ends then. Empty = while it renews.' },
        },
        { name: 'syncedAt', type: 'date' },
      ],
    },
    {
      isolationFixture: async ({ member }) => ({
        member,
        subscription: `grid-${Math.random().toString(36).slice(2, 10)}`,
        plan: 'grid-plan',
        status: 'active',
        entitled: true,
      }),
    },
  )
