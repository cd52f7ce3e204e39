import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { FREQUENCIES } from '../../types'
import { managerWrite, staffRead } from '../shared/access'
import { gridTopic } from '../shared/gridFixtures'
import { writeNowEndpoint } from '../../endpoints/writeNowEndpoint'
import { firstRunNow } from './hooks/firstRunNow'

/**
 * A tenant's subscription to a topic, per location or for the whole business: the draft-writing
 * job writes one draft per period (weekly, biweekly, monthly) once `nextRunAt` has come; managers
 * may have this period's written at once ("Write now", `POST /api/seo-subscriptions/:id/write-now`).
 */
export const SeoSubscriptions = (group: string, options: { defaultCap: number }): CollectionConfig =>
  tenantScoped(
    {
      slug: 'seo-subscriptions',
      admin: {
        useAsTitle: 'id',
        defaultColumns: ['topic', 'location', 'frequency', 'isEnabled', 'nextRunAt'],
        group,
        components: { edit: { beforeDocumentControls: ['@plugins/website/admin/WriteNowButton#WriteNowButton'] } },
      },
      access: { read: staffRead, create: managerWrite, update: managerWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'topic', 'location'], unique: true }, { fields: ['isEnabled', 'nextRunAt'] }],
      hooks: { beforeChange: [firstRunNow] },
      endpoints: [writeNowEndpoint(options.defaultCap)],
      fields: [
        { name: 'topic', type: 'relationship', relationTo: 'seo-topics', required: true },
        { name: 'frequency', type: 'select', required: true, defaultValue: 'weekly', options: [...FREQUENCIES] },
        { name: 'isEnabled', type: 'checkbox', defaultValue: true },
        {
          name: 'location',
          type: 'relationship',
          relationTo: 'locations',
          admin: { description: 'Posts about this location; empty for the whole business.' },
        },
        { name: 'lastGeneratedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
        {
          name: 'nextRunAt',
          type: 'date',
          index: true,
          admin: { position: 'sidebar', description: 'The next draft is written once this time has come.' },
        },
      ],
    },
    { isolationFixture: async ({ payload }) => ({ topic: await gridTopic(payload), frequency: 'weekly' }) },
  )
