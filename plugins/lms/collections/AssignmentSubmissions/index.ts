import type { CollectionConfig } from 'payload'
import { nobody, tenantRole, tenantScoped } from '@/core'
import { returnSubmissionEndpoint, gradeSubmissionEndpoint } from '../../endpoints/assignmentEndpoints'
import { listSubmissionFilesEndpoint, uploadSubmissionFilesEndpoint } from '../../endpoints/assignmentFileEndpoints'
import { GRADER_ROLES, SUBMISSION_STATUSES } from '../../types'
import { staffOrOwnRows } from '../shared/access'
import { announceReview, guardReview } from './hooks/gradeSubmission'

/** What the member handed in: set by the submit endpoint, never changed afterwards (the admin shows it read-only). */
const handedIn = { create: () => false, update: () => false }

/**
 * One hand-in of an assignment by a member (attempt 1, 2… after returns). Made by
 * `POST /api/assignments/:id/submit`; graders (instructors, creators, coaches, managers) grade or
 * return it here in the admin or through the grade/return endpoints: the same hook applies the rules,
 * emits the events and completes the lesson on a passing grade.
 */
export const AssignmentSubmissions = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'assignment-submissions',
      labels: { singular: 'Assignment submission', plural: 'Assignment submissions' },
      admin: {
        useAsTitle: 'id',
        defaultColumns: ['member', 'assignment', 'attempt', 'status', 'submittedAt', 'points'],
        listSearchableFields: ['body', 'feedback'],
        group,
        description: 'Open one to grade it (points and feedback) or return it to the member for another try.',
      },
      access: { read: staffOrOwnRows, create: nobody, update: tenantRole(GRADER_ROLES), delete: nobody },
      indexes: [
        { fields: ['tenant', 'assignment', 'member', 'attempt'], unique: true },
        { fields: ['tenant', 'status', 'submittedAt'] },
      ],
      hooks: { beforeChange: [guardReview], afterChange: [announceReview] },
      endpoints: [
        gradeSubmissionEndpoint,
        returnSubmissionEndpoint,
        uploadSubmissionFilesEndpoint,
        listSubmissionFilesEndpoint,
      ],
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'assignment', type: 'relationship', relationTo: 'assignments', required: true, access: handedIn },
            {
              name: 'member',
              type: 'relationship',
              relationTo: 'tenant-memberships',
              required: true,
              access: handedIn,
            },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'attempt', type: 'number', required: true, min: 1, access: handedIn, admin: { readOnly: true } },
            { name: 'submittedAt', type: 'date', required: true, access: handedIn, admin: { readOnly: true } },
            {
              name: 'late',
              type: 'checkbox',
              defaultValue: false,
              access: handedIn,
              admin: { readOnly: true, description: 'Handed in after the due date.' },
            },
          ],
        },
        { name: 'body', type: 'textarea', access: handedIn, admin: { readOnly: true, description: 'The answer.' } },
        {
          name: 'links',
          type: 'array',
          access: handedIn,
          admin: { readOnly: true },
          fields: [{ name: 'url', type: 'text', required: true }],
        },
        {
          // the files handed in (`assignment-files`): graders open or download each one from here
          name: 'files',
          type: 'join',
          collection: 'assignment-files',
          on: 'submission',
          defaultSort: 'createdAt',
          admin: {
            allowCreate: false,
            defaultColumns: ['filename', 'mimeType', 'filesize', 'createdAt'],
            description: 'Files handed in with this attempt. Open one to download it.',
          },
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'submitted',
          options: [...SUBMISSION_STATUSES],
          admin: {
            description: 'Graded: give the points. Returned: the member may hand in again (a new submission).',
          },
        },
        {
          name: 'points',
          type: 'number',
          min: 0,
          admin: {
            description: "0 to the assignment's maximum points; at or above its passing points completes the lesson.",
          },
        },
        { name: 'feedback', type: 'textarea', admin: { description: 'The member sees it on the lesson.' } },
        {
          type: 'row',
          fields: [
            { name: 'gradedBy', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
            { name: 'gradedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
          ],
        },
      ],
    },
    {
      isolationFixture: async ({ tenant, payload }) => {
        // each victim its own assignment: one live submission per assignment and member
        const assignment = await payload.create({
          collection: 'assignments',
          data: { tenant, title: 'Grid', maxPoints: 10, passingPoints: 5, due: { mode: 'none' } },
        })
        return { assignment: String(assignment.id), attempt: 1, submittedAt: new Date().toISOString(), body: 'Grid' }
      },
    },
  )
