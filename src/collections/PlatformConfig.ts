import type { CollectionConfig } from 'payload'
import { platformAdmin, platformStaff } from '@/core/access/builders'

/** Platform-wide settings and feature defaults (`feature.<key>`) that feature-flags override per tenant. */
export const PlatformConfig: CollectionConfig = {
  slug: 'platform-config',
  admin: { useAsTitle: 'key', group: 'Platform' },
  access: { read: platformStaff, create: platformAdmin, update: platformAdmin, delete: platformAdmin },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true },
    { name: 'value', type: 'json' },
    { name: 'enabled', type: 'checkbox', defaultValue: true },
    { name: 'description', type: 'textarea' },
  ],
}
