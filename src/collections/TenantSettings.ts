import type { CollectionConfig } from 'payload'
import { anyone, platformAdmin, tenantRole } from '@/core/access/builders'
import { MANAGER_ROLES, OWNER_ROLES } from '@/core/access/roles'
import { tenantScoped } from '@/core/tenancy/tenantScoped'
import { forgetSitePages } from '@/core/site/forgetSitePages'

/** One per tenant: branding, homepage, contact, policies. Plugins add their own groups. */
export const TenantSettings: CollectionConfig = tenantScoped(
  {
    slug: 'tenant-settings',
    admin: { useAsTitle: 'id', group: 'Studio' },
    labels: { singular: 'Settings', plural: 'Settings' },
    access: {
      read: anyone,
      create: tenantRole(OWNER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: platformAdmin,
    },
    indexes: [{ fields: ['tenant'], unique: true }],
    hooks: { afterChange: [forgetSitePages()], afterDelete: [forgetSitePages()] },
    fields: [
      {
        name: 'branding',
        type: 'group',
        fields: [
          { name: 'platformName', type: 'text' },
          { name: 'logo', type: 'upload', relationTo: 'media' },
          {
            name: 'primaryColor',
            type: 'text',
            defaultValue: '#3b5bdb',
            validate: (value: unknown) =>
              value == null || value === '' || (typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value))
                ? true
                : 'Use a hex colour such as #3b5bdb.',
          },
        ],
      },
      {
        name: 'homepage',
        type: 'group',
        fields: [
          { name: 'heroTitle', type: 'text' },
          { name: 'heroSubtitle', type: 'text' },
          { name: 'heroImage', type: 'upload', relationTo: 'media' },
          { name: 'heroCtaLabel', type: 'text' },
          { name: 'heroCtaLink', type: 'text' },
        ],
      },
      {
        name: 'contact',
        type: 'group',
        fields: [
          { name: 'email', type: 'email' },
          { name: 'phone', type: 'text' },
          {
            name: 'socialLinks',
            type: 'array',
            fields: [
              { name: 'platform', type: 'text', required: true },
              { name: 'url', type: 'text', required: true },
            ],
          },
        ],
      },
      { name: 'about', type: 'richText' },
      { name: 'email', type: 'group', fields: [{ name: 'fromName', type: 'text' }] },
      { name: 'extra', type: 'json' },
    ],
  },
  { isGlobal: true, publicRead: true },
)
