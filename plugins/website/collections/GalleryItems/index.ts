import type { CollectionConfig } from 'payload'
import { anyone, forgetSitePages, tenantScoped } from '@/core'
import { managerWrite } from '../shared/access'

/** Pictures the tenant's gallery page shows (active ones, by category and sortOrder). */
export const GalleryItems = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'gallery-items',
      admin: { useAsTitle: 'title', defaultColumns: ['title', 'category', 'sortOrder', 'isActive'], group },
      defaultSort: 'sortOrder',
      access: { read: anyone, create: managerWrite, update: managerWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'category', 'sortOrder'] }],
      hooks: { afterChange: [forgetSitePages()], afterDelete: [forgetSitePages()] },
      fields: [
        { name: 'title', type: 'text', required: true },
        { name: 'image', type: 'upload', relationTo: 'media' },
        { name: 'category', type: 'text' },
        { name: 'sortOrder', type: 'number', defaultValue: 0 },
        { name: 'isActive', type: 'checkbox', defaultValue: true },
      ],
    },
    { publicRead: true },
  )
