import type { CollectionConfig } from 'payload'
import { MANAGER_ROLES, STAFF_ROLES, tenantRole, tenantScoped } from '@/core'
import { startAttemptEndpoint } from '../../endpoints/startAttemptEndpoint'
import { GRADING_METHODS, QUESTION_KINDS } from '../../quizTypes'

/**
 * A quiz: a question bank (with categories) from which each attempt draws its questions, an attempt
 * limit, a grading method, a time limit, a pass mark and a resume window. Only staff read it (it holds
 * the answer key); members take it through `POST /api/quizzes/:id/attempts`.
 */
export const Quizzes = (group: string): CollectionConfig =>
  tenantScoped({
    slug: 'quizzes',
    admin: { useAsTitle: 'title', defaultColumns: ['title', 'drawCount', 'attemptLimit', 'gradingMethod'], group },
    access: {
      read: tenantRole(STAFF_ROLES),
      create: tenantRole(MANAGER_ROLES),
      update: tenantRole(MANAGER_ROLES),
      delete: tenantRole(MANAGER_ROLES),
    },
    endpoints: [startAttemptEndpoint],
    fields: [
      { name: 'title', type: 'text', required: true },
      {
        name: 'questions',
        type: 'array',
        required: true,
        minRows: 1,
        admin: { description: 'The question bank; each attempt draws from it.' },
        fields: [
          { name: 'category', type: 'text', admin: { description: 'Draws may take N questions per category.' } },
          { name: 'kind', type: 'select', required: true, defaultValue: 'single', options: [...QUESTION_KINDS] },
          { name: 'prompt', type: 'textarea', required: true },
          {
            name: 'choices',
            type: 'array',
            admin: { condition: (_, s) => s?.kind === 'single' || s?.kind === 'multiple' },
            fields: [
              { name: 'text', type: 'text', required: true },
              { name: 'correct', type: 'checkbox', defaultValue: false },
            ],
          },
          {
            name: 'trueAnswer',
            type: 'checkbox',
            defaultValue: false,
            admin: { condition: (_, s) => s?.kind === 'true_false', description: 'Checked: the statement is true.' },
          },
          {
            name: 'acceptedAnswers',
            type: 'textarea',
            admin: {
              condition: (_, s) => s?.kind === 'short',
              description: 'One accepted answer a line (compared trimmed, case-insensitive).',
            },
          },
        ],
      },
      {
        name: 'drawCount',
        type: 'number',
        min: 0,
        admin: { step: 1, description: 'Questions drawn at random per attempt (0 or empty: all).' },
      },
      {
        name: 'drawPerCategory',
        type: 'checkbox',
        defaultValue: false,
        admin: { description: 'Draw the count from each category instead of from the whole bank.' },
      },
      { name: 'attemptLimit', type: 'number', min: 0, admin: { step: 1, description: '0 or empty: unlimited.' } },
      { name: 'gradingMethod', type: 'select', required: true, defaultValue: 'highest', options: [...GRADING_METHODS] },
      {
        name: 'timeLimitMinutes',
        type: 'number',
        min: 0,
        admin: { step: 1, description: 'A submission later than this (plus 30 s grace) is marked late and fails.' },
      },
      { name: 'passMarkPct', type: 'number', required: true, min: 0, max: 100, defaultValue: 70 },
      {
        name: 'resumeHours',
        type: 'number',
        required: true,
        min: 0,
        defaultValue: 24,
        admin: { description: 'An unfinished attempt can be resumed on any device within this many hours.' },
      },
    ],
  })
