import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { managerWrite, staffRead } from '../../operations/crm/crmAccess'
import { scheduleAnnouncement } from './hooks/scheduleAnnouncement'

export const ANNOUNCEMENT_STATUSES = ['draft', 'scheduled', 'sent', 'cancelled'] as const
export const NOTICE_TYPES = ['general', 'closure', 'schedule_change', 'promotion', 'policy'] as const

/**
 * A notice to the tenant's members (or one location's). Staff write it as a draft and schedule it
 * (`scheduled`, with `scheduledAt`; now when left empty); the `sendScheduledAnnouncements` job sends
 * it exactly once (`sent`, `announcement.published`). A sent banner shows on the tenant site
 * between `startsAt` and `endsAt` to everyone who has not dismissed it.
 */
export const Announcements = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'announcements',
      admin: {
        useAsTitle: 'title',
        defaultColumns: ['title', 'status', 'priority', 'showAsBanner', 'startsAt', 'endsAt', 'sentAt'],
        group,
      },
      access: { read: staffRead, create: managerWrite, update: managerWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'status', 'scheduledAt'] }, { fields: ['tenant', 'showAsBanner', 'startsAt'] }],
      hooks: { beforeChange: [scheduleAnnouncement] },
      fields: [
        { name: 'title', type: 'text', required: true, maxLength: 200 },
        { name: 'body', type: 'textarea', required: true, maxLength: 2000 },
        {
          name: 'priority',
          type: 'select',
          required: true,
          defaultValue: 'normal',
          options: ['low', 'normal', 'high', 'urgent'].map((value) => ({
            label: value[0].toUpperCase() + value.slice(1),
            value,
          })),
        },
        {
          name: 'noticeType',
          type: 'select',
          defaultValue: 'general',
          options: NOTICE_TYPES.map((value) => ({ label: value.replace('_', ' '), value })),
        },
        { name: 'showAsBanner', type: 'checkbox', defaultValue: false, admin: { description: 'Show it on the site.' } },
        {
          type: 'row',
          fields: [
            {
              name: 'startsAt',
              type: 'date',
              admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Banner from (default: when sent).' },
            },
            {
              name: 'endsAt',
              type: 'date',
              admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'Banner until (default: no end).' },
            },
          ],
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'draft',
          options: ANNOUNCEMENT_STATUSES.map((value) => ({ label: value[0].toUpperCase() + value.slice(1), value })),
          admin: { description: 'Schedule it to send; the queue marks it sent, once.' },
        },
        {
          name: 'scheduledAt',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'When to send (now when left empty).' },
        },
        { name: 'sentAt', type: 'date', admin: { readOnly: true } },
        {
          name: 'location',
          type: 'relationship',
          relationTo: 'locations',
          admin: { description: 'Only this location (else all).' },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'sourceCollection',
              type: 'text',
              admin: { readOnly: true, description: 'What created it (e.g. closures).' },
            },
            { name: 'sourceId', type: 'text', admin: { readOnly: true } },
          ],
        },
      ],
    },
    { isolationFixture: () => ({ status: 'draft', sourceCollection: null, sourceId: null }) },
  )
