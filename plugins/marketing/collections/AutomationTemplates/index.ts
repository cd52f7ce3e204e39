import type { CollectionConfig } from 'payload'
import { platformAdmin } from '@/core'
import { automationFields } from '../Automations/automationFields'

/**
 * The platform's automation templates (the DOMAIN-MAP's `automations` rows with no tenant): staff
 * of every tenant read them, platform admins write them; each new tenant gets an active copy of
 * every active template in `automations` (subscriber on `tenant.created`).
 */
export const AutomationTemplates = (group: string): CollectionConfig => ({
  slug: 'automation-templates',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'triggerEvent', 'status'], group },
  access: {
    read: ({ req }) => Boolean(req.user),
    create: platformAdmin,
    update: platformAdmin,
    delete: platformAdmin,
  },
  fields: automationFields(),
})
