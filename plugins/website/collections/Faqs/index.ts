import type { CollectionConfig } from 'payload'
import { anyone, forgetSitePages, tenantScoped } from '@/core'
import { markdownToLexical } from '../../writer/markdownToLexical'
import { managerWrite } from '../shared/access'

/** Questions and answers the tenant's FAQ page lists (active ones, by category and sortOrder). */
export const Faqs = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'faqs',
      labels: { singular: 'FAQ', plural: 'FAQs' },
      admin: { useAsTitle: 'question', defaultColumns: ['question', 'category', 'sortOrder', 'isActive'], group },
      defaultSort: 'sortOrder',
      access: { read: anyone, create: managerWrite, update: managerWrite, delete: managerWrite },
      indexes: [{ fields: ['tenant', 'category', 'sortOrder'] }],
      hooks: { afterChange: [forgetSitePages()], afterDelete: [forgetSitePages()] },
      fields: [
        { name: 'question', type: 'text', required: true },
        { name: 'answer', type: 'richText', required: true },
        { name: 'category', type: 'text' },
        { name: 'sortOrder', type: 'number', defaultValue: 0 },
        { name: 'isActive', type: 'checkbox', defaultValue: true },
      ],
    },
    {
      publicRead: true,
      isolationFixture: () => ({
        question: 'Grid question?',
        answer: markdownToLexical('Grid answer.'),
      }),
    },
  )
