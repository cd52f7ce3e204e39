import { randomUUID } from 'node:crypto'
import type { CollectionConfig } from 'payload'
import { documentAction, MANAGER_ROLES, nobody, tenantRole, tenantScoped } from '@/core'

export const HUBSPOT_OUTBOX = 'hubspot-outbox'

/** What a row pushes: members and leads become contacts, deals and paid orders deals, tours meetings. */
export const HUBSPOT_OBJECT_KINDS = ['member', 'lead', 'deal', 'order', 'tour'] as const
export type HubspotObjectKind = (typeof HUBSPOT_OBJECT_KINDS)[number]

export const HUBSPOT_OUTBOX_STATUSES = ['pending', 'sent', 'dead'] as const

/**
 * The HubSpot sync's latest-state outbox: one row per (tenant, object kind, local id) holding the
 * state to push (`state`); a new change overwrites it (`version` + 1), so repeated changes coalesce
 * into one push. The sync job sends pending rows in batches, records HubSpot's id (`remoteId`) and
 * marks them sent; after too many failed attempts a row is dead (the dead-letter list: filter by
 * status) until a manager retries it (`POST /api/hubspot-outbox/:id/retry`, the Retry button).
 */
export const HubspotOutbox = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: HUBSPOT_OUTBOX,
      labels: { singular: 'HubSpot sync row', plural: 'HubSpot outbox' },
      admin: {
        useAsTitle: 'localId',
        defaultColumns: ['objectKind', 'localId', 'status', 'attempts', 'lastError', 'nextAttemptAt', 'sentAt'],
        group,
        description:
          'What the HubSpot sync pushes. Filter by status "dead" for the dead-letter list; open a row to retry it.',
        components: {
          edit: {
            beforeDocumentControls: [
              documentAction({
                action: `${HUBSPOT_OUTBOX}/{id}/retry`,
                label: 'Retry',
                busyLabel: 'Retrying…',
                doneMessage: 'Queued: the row will be sent to HubSpot again shortly.',
              }),
            ],
          },
        },
      },
      access: { read: tenantRole(MANAGER_ROLES), create: nobody, update: nobody, delete: nobody },
      indexes: [
        { fields: ['tenant', 'objectKind', 'localId'], unique: true },
        { fields: ['tenant', 'status', 'nextAttemptAt'] },
        { fields: ['tenant', 'objectKind', 'remoteId'] },
      ],
      fields: [
        { name: 'objectKind', type: 'select', required: true, options: [...HUBSPOT_OBJECT_KINDS] },
        { name: 'localId', type: 'text', required: true },
        { name: 'state', type: 'json', required: true },
        { name: 'version', type: 'number', required: true, defaultValue: 1 },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'pending',
          options: [...HUBSPOT_OUTBOX_STATUSES],
        },
        { name: 'attempts', type: 'number', defaultValue: 0 },
        { name: 'lastError', type: 'textarea' },
        { name: 'nextAttemptAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'claimedUntil',
          type: 'date',
          admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'A sync run is sending it until then.' },
        },
        { name: 'remoteId', type: 'text', admin: { description: 'The HubSpot object id.' } },
        { name: 'sentAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
      ],
    },
    {
      isolationFixture: async ({ member }) => ({
        objectKind: 'member',
        localId: `${member}:${randomUUID()}`,
        state: { properties: { email: 'grid@example.test' } },
      }),
    },
  )
