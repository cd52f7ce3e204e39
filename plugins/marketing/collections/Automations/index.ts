import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'
import { automationFields } from './automationFields'
import { automationPreviewEndpoint } from '../../endpoints/automations/automationPreviewEndpoint'

/** A tenant's automation: a trigger, optional conditions and a sequence of message steps. */
export const Automations = (group: string): CollectionConfig =>
  tenantScoped({
    slug: 'automations',
    admin: { useAsTitle: 'name', defaultColumns: ['name', 'triggerEvent', 'status', 'updatedAt'], group },
    access: {
      read: tenantRole(STAFF_ROLES),
      create: tenantRole(MANAGER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    endpoints: [automationPreviewEndpoint],
    indexes: [{ fields: ['tenant', 'triggerEvent', 'status'] }, { fields: ['tenant', 'template'], unique: true }],
    fields: [
      ...automationFields(),
      {
        name: 'template',
        type: 'relationship',
        relationTo: 'automation-templates',
        admin: { readOnly: true, position: 'sidebar', description: 'The platform template this was copied from.' },
      },
    ],
  })
