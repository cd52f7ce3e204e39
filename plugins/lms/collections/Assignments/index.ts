import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'
import { submitAssignmentEndpoint } from '../../endpoints/assignmentEndpoints'
import { DUE_MODES } from '../../types'
import { guardAssignment } from './hooks/guardAssignment'

/**
 * Work a member hands in (text and links) for staff to grade: instructions, an optional due rule,
 * the points it is marked out of and the points that pass it (which complete its lesson). Members
 * read it through the lesson view (`GET /api/lessons/:id/view`) and hand in through
 * `POST /api/assignments/:id/submit`.
 */
export const Assignments = (group: string): CollectionConfig =>
  tenantScoped({
    slug: 'assignments',
    admin: { useAsTitle: 'title', defaultColumns: ['title', 'maxPoints', 'passingPoints', 'allowResubmission'], group },
    access: {
      read: tenantRole(STAFF_ROLES),
      create: tenantRole(MANAGER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    hooks: { beforeChange: [guardAssignment] },
    endpoints: [submitAssignmentEndpoint],
    fields: [
      { name: 'title', type: 'text', required: true },
      { name: 'description', type: 'textarea', admin: { description: 'A line for lists.' } },
      { name: 'instructions', type: 'richText', admin: { description: 'What to hand in and how it is marked.' } },
      {
        name: 'due',
        type: 'group',
        admin: { description: 'When it is due (a later submission is accepted and marked late).' },
        fields: [
          { name: 'mode', type: 'select', required: true, defaultValue: 'none', options: [...DUE_MODES] },
          {
            name: 'days',
            type: 'number',
            min: 0,
            admin: { step: 1, condition: (_, s) => s?.mode === 'after_days', description: 'Days after enrolment.' },
          },
          { name: 'date', type: 'date', admin: { condition: (_, s) => s?.mode === 'on_date' } },
        ],
      },
      { name: 'maxPoints', type: 'number', required: true, min: 1, defaultValue: 100, admin: { step: 1 } },
      {
        name: 'passingPoints',
        type: 'number',
        required: true,
        min: 0,
        defaultValue: 50,
        admin: { step: 1, description: 'A grade at or above this completes the lesson.' },
      },
      {
        name: 'allowResubmission',
        type: 'checkbox',
        defaultValue: true,
        admin: { description: 'Staff may return a submission and the member hand in again.' },
      },
      {
        name: 'lessons',
        type: 'join',
        collection: 'lessons',
        on: 'assignment',
        admin: { description: 'The lessons that set this assignment.' },
      },
    ],
  })
