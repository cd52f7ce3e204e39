import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, STAFF_ROLES, moneyField, or, slugField, tenantRole, tenantScoped } from '@/core'
import type { Access, Where } from 'payload'
import { VISIBILITIES } from '../../types'
import { staffOfDocTenant } from '../shared/access'
import { guardContentItem } from './hooks/guardContentItem'

/** Published items that are not private: the catalog visitors and members browse. */
const catalogWhere: Where = {
  and: [{ _status: { equals: 'published' } }, { visibility: { not_equals: 'private' } }],
}
const catalog: Access = () => catalogWhere

const systemOnly = { create: () => false, update: () => false }

/**
 * The creator's catalog (004's content): videos, audio and written pieces, each public, private,
 * for members, or sold (price in minor units). Its media and body are read by staff only through
 * the API; members receive them from the lesson view once the access decision allows it.
 */
export const ContentItems = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'content-items',
      trash: true,
      versions: { drafts: true, maxPerDoc: 20 },
      admin: {
        useAsTitle: 'title',
        defaultColumns: ['title', 'contentType', 'visibility', 'category', '_status'],
        group,
      },
      access: {
        read: or(tenantRole(STAFF_ROLES), catalog),
        create: tenantRole(MANAGER_ROLES),
        update: tenantRole(MANAGER_ROLES),
        delete: tenantRole(MANAGER_ROLES),
        readVersions: tenantRole(MANAGER_ROLES),
      },
      indexes: [
        { fields: ['tenant', 'slug'], unique: true },
        { fields: ['tenant', '_status', 'publishedAt'] },
        { fields: ['tenant', 'category'] },
      ],
      hooks: { beforeChange: [guardContentItem] },
      fields: [
        { name: 'title', type: 'text', required: true },
        slugField(),
        { name: 'description', type: 'textarea' },
        {
          name: 'contentType',
          type: 'select',
          required: true,
          defaultValue: 'video',
          options: ['video', 'audio', 'written'],
        },
        {
          name: 'media',
          type: 'upload',
          relationTo: 'media',
          index: true,
          access: { read: staffOfDocTenant },
          admin: { description: 'The video or audio file (one file may serve many items).' },
        },
        { name: 'thumbnail', type: 'upload', relationTo: 'media' },
        { name: 'body', type: 'richText', access: { read: staffOfDocTenant } },
        { name: 'category', type: 'text' },
        { name: 'tags', type: 'text', hasMany: true },
        {
          name: 'visibility',
          type: 'select',
          required: true,
          defaultValue: 'public',
          options: [...VISIBILITIES],
          admin: { position: 'sidebar' },
        },
        moneyField({ name: 'price', label: 'Price (empty = free)' }),
        { name: 'publishedAt', type: 'date', admin: { readOnly: true, position: 'sidebar' } },
        { name: 'creator', type: 'relationship', relationTo: 'tenant-memberships' },
        { name: 'viewCount', type: 'number', defaultValue: 0, access: systemOnly, admin: { readOnly: true } },
        { name: 'purchaseCount', type: 'number', defaultValue: 0, access: systemOnly, admin: { readOnly: true } },
      ],
    },
    {
      publicRead: true,
      isolationFixture: () => ({
        title: 'Grid item',
        slug: `grid-${Math.random().toString(36).slice(2, 10)}`,
        contentType: 'video',
      }),
    },
  )
