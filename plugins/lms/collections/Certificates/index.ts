import type { CollectionConfig } from 'payload'
import { nobody, tenantScoped } from '@/core'
import { certificatePdfEndpoint, verifyCertificateEndpoint } from '../../endpoints/certificateEndpoints'
import { staffOrOwnRows } from '../shared/access'
import { gridLesson } from '../shared/gridFixtures'

/**
 * One certificate per completed enrolment (unique), issued by the `course.completed` subscriber with
 * a random public verification code: `GET /api/certificates/:code/verify` (public, minimal) and
 * `GET /api/certificates/:id/pdf` (the owner).
 */
export const Certificates = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'certificates',
      admin: { useAsTitle: 'code', defaultColumns: ['code', 'course', 'member', 'issuedAt'], group },
      access: { read: staffOrOwnRows, create: nobody, update: nobody, delete: nobody },
      indexes: [{ fields: ['enrollment'], unique: true }],
      endpoints: [verifyCertificateEndpoint, certificatePdfEndpoint],
      fields: [
        { name: 'enrollment', type: 'relationship', relationTo: 'course-enrollments', required: true },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true },
        { name: 'course', type: 'relationship', relationTo: 'courses', required: true },
        { name: 'code', type: 'text', required: true, unique: true, index: true },
        { name: 'issuedAt', type: 'date', required: true },
      ],
    },
    {
      isolationFixture: async ({ tenant, member, payload }) => {
        const { course } = await gridLesson(payload, tenant)
        const enrollment = await payload.create({
          collection: 'course-enrollments',
          data: {
            tenant,
            course,
            member,
            status: 'active',
            source: 'free',
            enrolledAt: new Date().toISOString(),
          },
        })
        return {
          enrollment: String(enrollment.id),
          course,
          member,
          code: `grid-${Math.random().toString(36).slice(2, 12)}`,
          issuedAt: new Date().toISOString(),
        }
      },
    },
  )
