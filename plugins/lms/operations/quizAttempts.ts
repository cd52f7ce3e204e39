import type { PayloadRequest } from 'payload'
import type { QuizSubmission } from '@/payload-types'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import type { Answer, DrawnQuestion, GradingMethod, QuestionKey } from '../quizTypes'
import { completeTargetLessons } from './completeTargetLessons'
import { drawQuestions, type BankQuestion } from './drawQuestions'
import { quizLessonGate } from './quizLessonGate'
import { resolveViewer } from './mayAccess'
import { scoreAttempt } from './scoreAttempt'
import { quizSubmissionsTable } from './sql/quizSubmissionsTable'

/** Seconds allowed past the time limit for the network before a submission counts as late. */
export const LATE_GRACE_SECONDS = 30

type QuizDoc = {
  id: string | number
  tenant: string | { id: string }
  questions?: BankQuestion[] | null
  drawCount?: number | null
  drawPerCategory?: boolean | null
  attemptLimit?: number | null
  gradingMethod?: GradingMethod | null
  timeLimitMinutes?: number | null
  passMarkPct?: number | null
  resumeHours?: number | null
}

export type AttemptView = {
  id: string
  quiz: string
  status: string
  startedAt: string
  /** When the time limit runs out (null: no limit). */
  deadline: string | null
  questions: DrawnQuestion[]
  answers: Record<string, Answer>
  attemptsUsed: number
  attemptLimit: number | null
}

type SubmissionDoc = {
  id: string | number
  tenant: string | { id: string }
  quiz: string | number | { id: string | number }
  member: string | number | { id: string | number }
  status: string
  startedAt: string
  questions: DrawnQuestion[]
  answerKey: QuestionKey[]
  answers?: Record<string, Answer> | null
}

/** A submission as the attempt logic reads it: the JSON fields typed by what this plugin writes into them. */
const asSubmission = (doc: QuizSubmission): SubmissionDoc => ({
  ...doc,
  tenant: doc.tenant ?? '',
  questions: doc.questions as DrawnQuestion[],
  answerKey: (doc.answerKey ?? []) as QuestionKey[],
  answers: (doc.answers ?? null) as Record<string, Answer> | null,
})

const idOf = (v: unknown): string => String(typeof v === 'object' && v !== null ? (v as { id: unknown }).id : v)

const loadQuiz = async (req: PayloadRequest, id: string): Promise<QuizDoc> => {
  const quiz = (await req.payload.findByID({
    collection: 'quizzes',
    id,
    req,
    depth: 0,
    disableErrors: true,
  })) as QuizDoc | null
  if (!quiz) throw new OperationError(404, 'not_found', 'Not found.')
  return quiz
}

const memberOf = async (req: PayloadRequest, tenant: string): Promise<string> => {
  if (!req.user || req.user.collection !== 'users') throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const { member } = await resolveViewer(req, tenant, undefined)
  if (!member) throw new OperationError(403, 'not_a_member', 'Only members of this business can take this quiz.')
  return member
}

const deadlineOf = (startedAt: string, quiz: QuizDoc): string | null =>
  quiz.timeLimitMinutes ? new Date(new Date(startedAt).getTime() + quiz.timeLimitMinutes * 60_000).toISOString() : null

const view = (doc: SubmissionDoc, quiz: QuizDoc, attemptsUsed: number): AttemptView => ({
  id: String(doc.id),
  quiz: String(quiz.id),
  status: doc.status,
  startedAt: new Date(doc.startedAt).toISOString(),
  deadline: deadlineOf(doc.startedAt, quiz),
  questions: doc.questions,
  answers: doc.answers ?? {},
  attemptsUsed,
  attemptLimit: quiz.attemptLimit || null,
})

/**
 * `POST /api/quizzes/:id/attempts`: resumes the member's open attempt (started within the resume
 * window) or starts a new one. Starts of one member and quiz run one after another under a
 * transaction-scoped advisory lock, so concurrent starts neither open two attempts nor exceed the limit.
 */
export const startAttempt = async (req: PayloadRequest, quizId: string): Promise<AttemptView> => {
  const quiz = await loadQuiz(req, quizId)
  const tenant = idOf(quiz.tenant)
  const member = await memberOf(req, tenant)
  await quizLessonGate(req, { quiz: quizId, member })
  const s = quizSubmissionsTable(req)
  await runSql(req, sql`SELECT pg_advisory_xact_lock(hashtext(${`quiz-attempt:${quizId}:${member}`}))`)
  const resumeHours = quiz.resumeHours ?? 24
  const [counts] = await runSql<{ used: number; open: string | null }>(
    req,
    sql`SELECT count(*)::int AS used,
               (SELECT ${s.id} FROM ${s.$table} WHERE ${s.quiz} = ${quizId} AND ${s.member} = ${member}
                  AND ${s.status} = 'in_progress' AND ${s.startedAt} > now() - make_interval(secs => ${resumeHours * 3600})
                ORDER BY ${s.startedAt} DESC LIMIT 1)::text AS open
        FROM ${s.$table} WHERE ${s.quiz} = ${quizId} AND ${s.member} = ${member}`,
  )
  if (counts.open) {
    const doc = asSubmission(
      await req.payload.findByID({
        collection: 'quiz-submissions',
        id: counts.open,
        req,
        depth: 0,
      }),
    )
    return view(doc, quiz, counts.used)
  }
  if (quiz.attemptLimit && counts.used >= quiz.attemptLimit)
    throw new OperationError(409, 'attempt_limit', `All ${quiz.attemptLimit} attempts at this quiz are used.`)
  const { questions, key } = drawQuestions(quiz.questions ?? [], quiz.drawCount ?? 0, Boolean(quiz.drawPerCategory))
  const doc = asSubmission(
    await req.payload.create({
      collection: 'quiz-submissions',
      req,
      depth: 0,
      data: {
        tenant,
        quiz: quizId,
        member,
        status: 'in_progress',
        startedAt: new Date().toISOString(),
        questions,
        answerKey: key,
        answers: {},
      },
    }),
  )
  return view(doc, quiz, counts.used + 1)
}

/** The member's own attempt, locked FOR UPDATE (404 for anyone else's: its existence is not disclosed). */
const ownAttempt = async (req: PayloadRequest, id: string): Promise<{ doc: SubmissionDoc; quiz: QuizDoc }> => {
  const s = quizSubmissionsTable(req)
  const [row] = await runSql<{ tenant: string }>(
    req,
    sql`SELECT ${s.tenant}::text AS tenant FROM ${s.$table} WHERE ${s.id} = ${id} FOR UPDATE`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'Not found.')
  const member = await memberOf(req, row.tenant).catch(() => null)
  const doc = asSubmission(
    await req.payload.findByID({
      collection: 'quiz-submissions',
      id,
      req,
      depth: 0,
    }),
  )
  if (!member || idOf(doc.member) !== member) throw new OperationError(404, 'not_found', 'Not found.')
  return { doc, quiz: await loadQuiz(req, idOf(doc.quiz)) }
}

const openOnly = (doc: SubmissionDoc) => {
  if (doc.status !== 'in_progress')
    throw new OperationError(409, 'attempt_closed', 'This attempt is already submitted.')
}

/** `PATCH /api/quiz-submissions/:id/answers`: merges answers into the open attempt (only drawn questions). */
export const saveAnswers = async (
  req: PayloadRequest,
  id: string,
  answers: Record<string, Answer>,
): Promise<AttemptView> => {
  const { doc, quiz } = await ownAttempt(req, id)
  openOnly(doc)
  const drawn = new Set(doc.questions.map((q) => q.id))
  const unknown = Object.keys(answers).find((k) => !drawn.has(k))
  if (unknown) throw new OperationError(400, 'unknown_question', `Question ${unknown} is not part of this attempt.`)
  const merged = { ...(doc.answers ?? {}), ...answers }
  const updated = asSubmission(
    await req.payload.update({
      collection: 'quiz-submissions',
      id,
      req,
      depth: 0,
      data: { answers: merged },
    }),
  )
  return view(updated, quiz, 0)
}

export type SubmitResult = {
  id: string
  scorePct: number
  passed: boolean
  late: boolean
  /** The quiz grade over all submitted attempts by the grading method. */
  grade: number
  gradePassed: boolean
}

/**
 * `POST /api/quiz-submissions/:id/submit`: scores the attempt on the server from its stored key
 * (anything the client says about a score is ignored). Rule for lateness: a submission after the time
 * limit plus {@link LATE_GRACE_SECONDS} is scored but marked late and does not pass.
 */
export const submitAttempt = async (
  req: PayloadRequest,
  id: string,
  answers?: Record<string, Answer>,
): Promise<SubmitResult> => {
  const { doc, quiz } = await ownAttempt(req, id)
  openOnly(doc)
  const drawn = new Set(doc.questions.map((q) => q.id))
  const final = {
    ...(doc.answers ?? {}),
    ...Object.fromEntries(Object.entries(answers ?? {}).filter(([k]) => drawn.has(k))),
  }
  const scorePct = scoreAttempt(doc.questions, doc.answerKey, final)
  const now = new Date()
  const late = Boolean(
    quiz.timeLimitMinutes &&
    now.getTime() > new Date(doc.startedAt).getTime() + quiz.timeLimitMinutes * 60_000 + LATE_GRACE_SECONDS * 1000,
  )
  const passed = !late && scorePct >= (quiz.passMarkPct ?? 70)
  await req.payload.update({
    collection: 'quiz-submissions',
    id,
    req,
    depth: 0,
    data: { answers: final, status: 'submitted', submittedAt: now.toISOString(), scorePct, passed, late },
  })
  const grade = await quizGrade(req, String(quiz.id), idOf(doc.member), quiz.gradingMethod ?? 'highest')
  const gradePassed = grade >= (quiz.passMarkPct ?? 70)
  // A quiz lesson completes when its quiz is passed (the one completion path; a repeat changes nothing).
  if (gradePassed) await completeTargetLessons(req, { target: 'quiz', id: String(quiz.id), member: idOf(doc.member) })
  return { id, scorePct, passed, late, grade, gradePassed }
}

/** The member's grade in a quiz over their submitted attempts (late ones count 0): highest, last or average. */
export const quizGrade = async (
  req: PayloadRequest,
  quiz: string,
  member: string,
  method: GradingMethod,
): Promise<number> => {
  const s = quizSubmissionsTable(req)
  const [row] = await runSql<{ highest: number; last: number; average: number }>(
    req,
    sql`SELECT coalesce(max(g), 0)::int AS highest,
               coalesce((array_agg(g ORDER BY at DESC))[1], 0)::int AS last,
               coalesce(floor(avg(g)), 0)::int AS average
        FROM (SELECT CASE WHEN ${s.late} THEN 0 ELSE coalesce(${s.scorePct}, 0) END AS g, ${s.submittedAt} AS at
              FROM ${s.$table} WHERE ${s.quiz} = ${quiz} AND ${s.member} = ${member} AND ${s.status} = 'submitted') x`,
  )
  return row ? row[method] : 0
}
