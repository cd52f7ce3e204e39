import type { CollectionConfig } from 'payload'
import { tenantScoped } from '@/core'
import { noteCreate, noteEdit, noteRead } from '../../operations/crm/crmAccess'
import { stampNoteAuthor } from './hooks/stampNoteAuthor'

/**
 * Staff notes on a member. The member never reads notes about themselves (through any API);
 * instructors and coaches read only notes shared with instructors; only the author or a manager
 * edits or deletes one (deleted notes go to the trash).
 */
export const MemberNotes = (group: string): CollectionConfig =>
  tenantScoped({
    slug: 'member-notes',
    trash: true,
    admin: {
      useAsTitle: 'note',
      defaultColumns: ['member', 'note', 'visibility', 'pinned', 'author', 'createdAt'],
      group,
    },
    access: { read: noteRead, readVersions: noteRead, create: noteCreate, update: noteEdit, delete: noteEdit },
    indexes: [{ fields: ['tenant', 'member'] }],
    hooks: { beforeChange: [stampNoteAuthor] },
    defaultSort: '-createdAt',
    fields: [
      { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true, index: true },
      { name: 'note', type: 'textarea', required: true, maxLength: 5000 },
      {
        name: 'visibility',
        type: 'select',
        required: true,
        defaultValue: 'staff',
        options: [
          { label: 'Staff only', value: 'staff' },
          { label: 'Staff and instructors', value: 'instructors' },
        ],
      },
      { name: 'pinned', type: 'checkbox', defaultValue: false },
      {
        name: 'author',
        type: 'relationship',
        relationTo: 'tenant-memberships',
        admin: { readOnly: true, description: 'The staff member who wrote it (set on create).' },
      },
    ],
  })
