import type { CollectionConfig } from 'payload'
import { nobody, tenantScoped } from '@/core'
import { ATTEMPT_STATUSES } from '../../quizTypes'
import { saveAnswersEndpoint, submitAttemptEndpoint } from '../../endpoints/quizSubmissionEndpoints'
import { staffOfDocTenant, staffOrOwnRows } from '../shared/access'

const systemOnly = { create: () => false, update: () => false }

/**
 * One attempt at a quiz: exactly the questions it drew (and their key, staff-only), the member's
 * answers and the server-computed score. Made and changed only by the attempt endpoints.
 */
export const QuizSubmissions = (group: string): CollectionConfig =>
  tenantScoped(
    {
      slug: 'quiz-submissions',
      admin: { useAsTitle: 'id', defaultColumns: ['quiz', 'member', 'status', 'scorePct', 'passed'], group },
      access: { read: staffOrOwnRows, create: nobody, update: nobody, delete: nobody },
      indexes: [{ fields: ['tenant', 'quiz', 'member'] }],
      endpoints: [saveAnswersEndpoint, submitAttemptEndpoint],
      fields: [
        { name: 'quiz', type: 'relationship', relationTo: 'quizzes', required: true, access: systemOnly },
        { name: 'member', type: 'relationship', relationTo: 'tenant-memberships', required: true, access: systemOnly },
        { name: 'status', type: 'select', required: true, defaultValue: 'in_progress', options: [...ATTEMPT_STATUSES] },
        { name: 'startedAt', type: 'date', required: true },
        { name: 'submittedAt', type: 'date' },
        { name: 'questions', type: 'json', required: true, admin: { description: 'Exactly the questions drawn.' } },
        { name: 'answerKey', type: 'json', access: { read: staffOfDocTenant } },
        { name: 'answers', type: 'json' },
        { name: 'scorePct', type: 'number' },
        { name: 'passed', type: 'checkbox', defaultValue: false },
        { name: 'late', type: 'checkbox', defaultValue: false },
      ],
    },
    {
      isolationFixture: async ({ tenant, member, payload }) => {
        const quiz = await payload.create({
          collection: 'quizzes',
          data: {
            tenant,
            title: 'Grid',
            gradingMethod: 'highest',
            passMarkPct: 70,
            resumeHours: 24,
            questions: [{ kind: 'true_false', prompt: 'Grid?', trueAnswer: true }],
          },
        })
        return { quiz: String(quiz.id), member, startedAt: new Date().toISOString(), questions: [] }
      },
    },
  )
