import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { getEnv, nobody, or, self, tenantRole, tenantScoped } from '@/core'
import { downloadAssignmentFileEndpoint } from '../../endpoints/assignmentFileEndpoints'
import { GRADER_ROLES } from '../../types'
import { checkAssignmentFile } from './hooks/checkAssignmentFile'
import { guardAssignmentFile } from './hooks/guardAssignmentFile'

/** Set by the guard from the submission on every create (so not required of callers), never by a client; read-only in the admin. */
const fromSubmission = { update: () => false }

/**
 * Copied from the submission row by the guard, so valid by construction: not checked again with
 * the uploader's access (a member may not read `assignments`, which hold staff notes).
 */
const copied = () => true as const

export type AssignmentFileLimits = { maxBytes: number; maxFiles: number; types: string[] }

/**
 * Files a member hands in with an assignment submission (PDF, images, documents, zip, text).
 * Stored on disk under DATA_DIR/assignment-files, never as a public static URL: served only by
 * Payload's access-checked file route and `GET /api/assignment-files/:id/download`. The member it
 * belongs to reads and adds their own (while the submission waits for grading and its lesson opens
 * for them); the tenant's graders read them all; nobody edits or deletes them.
 */
export const AssignmentFiles = (group: string, limits: AssignmentFileLimits): CollectionConfig =>
  tenantScoped(
    {
      slug: 'assignment-files',
      labels: { singular: 'Assignment file', plural: 'Assignment files' },
      admin: {
        useAsTitle: 'filename',
        defaultColumns: ['filename', 'member', 'submission', 'filesize', 'createdAt'],
        group,
        description: 'Files members handed in with their assignments. Open the submission to grade it.',
      },
      access: {
        read: or(tenantRole(GRADER_ROLES), self('member.user')),
        // the guard decides: only the submission's member, while it waits for grading
        create: ({ req }) => Boolean(req.user),
        update: nobody,
        delete: nobody,
      },
      upload: {
        staticDir: path.join(getEnv().dataDir, 'assignment-files'),
        mimeTypes: limits.types,
        // a hand-in is downloaded, never rendered in the app's origin
        modifyResponseHeaders: ({ headers }) => {
          headers.set('content-disposition', 'attachment')
          headers.set('x-content-type-options', 'nosniff')
          headers.set('cache-control', 'private, no-store')
          return headers
        },
      },
      indexes: [{ fields: ['tenant', 'submission'] }],
      hooks: {
        beforeOperation: [checkAssignmentFile(limits.maxBytes, limits.types)],
        beforeChange: [guardAssignmentFile(limits.maxFiles)],
      },
      endpoints: [downloadAssignmentFileEndpoint],
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'submission',
              type: 'relationship',
              relationTo: 'assignment-submissions',
              required: true,
              index: true,
              access: fromSubmission,
              admin: { readOnly: true },
            },
            {
              name: 'member',
              type: 'relationship',
              relationTo: 'tenant-memberships',
              access: fromSubmission,
              validate: copied,
              admin: { readOnly: true },
            },
            {
              name: 'assignment',
              type: 'relationship',
              relationTo: 'assignments',
              access: fromSubmission,
              validate: copied,
              admin: { readOnly: true },
            },
          ],
        },
      ],
    },
    {
      isolationFixture: async ({ tenant, member, payload }) => {
        // each victim its own submission (a file joins its own member's submission)
        const assignment = await payload.create({
          collection: 'assignments',
          data: { tenant, title: 'Grid', maxPoints: 10, passingPoints: 5, due: { mode: 'none' } },
        })
        const submission = await payload.create({
          collection: 'assignment-submissions',
          data: {
            tenant,
            assignment: assignment.id,
            member,
            attempt: 1,
            status: 'submitted',
            submittedAt: new Date().toISOString(),
            body: 'Grid',
          },
        })
        return { submission: String(submission.id) }
      },
    },
  )
