import type { CollectionConfig } from 'payload'
import { STAFF_ROLES, nobody, tenantRole, tenantScoped } from '@/core'

/**
 * A member's (or, for the New lead trigger, a lead's) group in an automation's A/B split (a variant
 * key or `holdout`), assigned once per (automation, member) or (automation, lead) by the enrolment
 * engine (INSERT … ON CONFLICT DO NOTHING on the unique key) and kept on every re-entry. Exactly one
 * of member and lead is set (a CHECK in the migration). Read by staff; nobody writes through the API.
 */
export const AutomationAssignments = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'automation-assignments',
      admin: { defaultColumns: ['automation', 'member', 'variant', 'assignedAt'], group, hidden: true },
      access: {
        read: tenantRole(STAFF_ROLES),
        create: nobody,
        update: nobody,
        delete: nobody,
      },
      indexes: [
        { fields: ['automation', 'member'], unique: true },
        { fields: ['automation', 'lead'], unique: true }, // mkt_rest: lead A/B
        { fields: ['tenant', 'automation', 'variant'] },
      ],
      fields: [
        { name: 'automation', type: 'relationship', relationTo: 'automations', required: true },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships' },
        // mkt_rest: lead A/B — a New lead enrolment's recipient (member is then empty)
        { name: 'lead', type: 'relationship', relationTo: 'leads' },
        { name: 'variant', type: 'text', required: true },
        { name: 'bucket', type: 'number', required: true, admin: { description: 'Stable bucket 0–9999.' } },
        { name: 'assignedAt', type: 'date', required: true, defaultValue: () => new Date().toISOString() },
      ],
    },
    {
      isolationFixture: async ({ tenant, member, payload }) => {
        const automation = await payload.create({
          collection: 'automations',
          data: {
            tenant,
            name: 'Grid split',
            triggerEvent: 'member.created',
            purpose: 'marketing',
            status: 'draft',
            cooldownDays: 0,
            steps: [{ delayMinutes: 0, channel: 'in_app', body: 'Hi' }],
          },
        })
        return { automation: automation.id, member, variant: 'A', bucket: 0 }
      },
    },
  )
