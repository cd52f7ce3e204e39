import type { CollectionConfig } from 'payload'
import { platformAdmin } from '@/core'
import { anyStaff } from '../shared/access'

/**
 * The platform's library of blog topics ("Beginner's guide to hot yoga", "Indoor golf in winter"):
 * platform admins write it, staff of every tenant read it and subscribe to topics.
 */
export const SeoTopics = (group: string): CollectionConfig => ({
  slug: 'seo-topics',
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'active', 'audience'], group },
  access: { read: anyStaff, create: platformAdmin, update: platformAdmin, delete: platformAdmin },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    {
      name: 'description',
      type: 'textarea',
      admin: { description: 'What a post on this topic explains; the writer opens with it.' },
    },
    { name: 'active', type: 'checkbox', defaultValue: true, index: true },
    { name: 'audience', type: 'text', admin: { description: 'Who it is for, e.g. "beginners", "parents".' } },
    { name: 'keywords', type: 'text', hasMany: true },
  ],
})
