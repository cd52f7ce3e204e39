import { defineSqlTable } from '@/core'

/** `quiz-submissions` as the lms plugin's raw SQL uses it. */
export const quizSubmissionsTable = defineSqlTable('quiz-submissions', {
  id: 'id',
  tenant: 'tenant',
  quiz: 'quiz',
  member: 'member',
  status: 'status',
  startedAt: 'startedAt',
  submittedAt: 'submittedAt',
  answers: 'answers',
  answerKey: 'answerKey',
  scorePct: 'scorePct',
  passed: 'passed',
  late: 'late',
})
