import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createPerson, signIn, twoTenants, useTestApp, type HttpClient } from '@/core/testing'

/**
 * What the member site's quiz countdown relies on: the lesson view gives the quiz's time limit, the
 * deadline is the attempt's start on the server + the limit, a submission made when the countdown
 * reaches zero (inside the 30 s grace) counts, and one after limit + grace is scored late and does
 * not pass or complete the lesson.
 */
const app = useTestApp()
let A: string

const q = (query: ReturnType<typeof sql>) => runSql({ payload: app.payload, transactionID: undefined }, query)
const slug = () => `s-${Math.random().toString(36).slice(2, 10)}`

const memberOfA = async (): Promise<{ id: string; client: HttpClient }> => {
  const { user, membership } = await createPerson(app.payload, { tenant: A, roles: ['member'] })
  return { id: String(membership!.id), client: (await signIn(app, user.email)).client }
}

/** A published free course whose only lesson is a 5-minute quiz of one true/false question. */
const timedQuizLesson = async () => {
  const quiz = await app.payload.create({
    collection: 'quizzes',
    data: {
      tenant: A,
      title: 'Timed',
      gradingMethod: 'highest',
      passMarkPct: 70,
      resumeHours: 24,
      timeLimitMinutes: 5,
      questions: [{ kind: 'true_false', prompt: 'True?', trueAnswer: true }],
    },
  })
  const course = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant: A, title: 'Timed course', slug: slug() },
  })
  const mod = await app.payload.create({
    collection: 'course-modules',
    data: { tenant: A, course: course.id, title: 'M' },
  })
  const lesson = await app.payload.create({
    collection: 'lessons',
    data: { tenant: A, module: mod.id, title: 'Quiz', itemType: 'quiz', quiz: quiz.id, unlock: { mode: 'none' } },
  })
  await app.payload.update({ collection: 'courses', id: course.id, data: { _status: 'published' } })
  return { quiz: String(quiz.id), course: String(course.id), lesson: String(lesson.id) }
}

/** Starts an attempt for an enrolled member and moves its start `ago` into the past. */
const attemptStarted = async (c: Awaited<ReturnType<typeof timedQuizLesson>>, ago: string) => {
  const m = await memberOfA()
  expect((await m.client.post(`/api/courses/${c.course}/enrol`, {})).status).toBe(201)
  const start = await m.client.post(`/api/quizzes/${c.quiz}/attempts`, {})
  expect(start.status).toBe(200)
  await q(sql`UPDATE quiz_submissions SET started_at = now() - ${ago}::interval WHERE id = ${start.body.id}`)
  const answers = Object.fromEntries((start.body.questions as { id: string }[]).map((x) => [x.id, true]))
  return { m, attempt: start.body as { id: string; startedAt: string; deadline: string }, answers }
}

const completed = async (lesson: string, member: string) =>
  (
    await runSql<{ n: number }>(
      { payload: app.payload, transactionID: undefined },
      sql`SELECT count(*)::int AS n FROM lesson_completions WHERE lesson_id = ${lesson} AND member_id = ${member}`,
    )
  )[0].n

beforeAll(async () => {
  const cast = await twoTenants(app)
  A = String(cast.a.id)
})

describe('the quiz countdown’s server side', () => {
  it('the lesson view gives the limit, and the deadline is the attempt’s start + the limit', async () => {
    const c = await timedQuizLesson()
    const m = await memberOfA()
    expect((await m.client.post(`/api/courses/${c.course}/enrol`, {})).status).toBe(201)
    const view = await m.client.get(`/api/lessons/${c.lesson}/view`)
    expect(view.status).toBe(200)
    expect(view.body.quiz).toMatchObject({ id: c.quiz, timeLimitMinutes: 5 })
    const start = await m.client.post(`/api/quizzes/${c.quiz}/attempts`, {})
    expect(new Date(start.body.deadline).getTime() - new Date(start.body.startedAt).getTime()).toBe(5 * 60_000)
  })

  it('a submission at zero (inside the grace) counts; one after limit + 30 s is late, fails and completes nothing', async () => {
    const c = await timedQuizLesson()
    const onTime = await attemptStarted(c, '5 minutes 10 seconds')
    const auto = await onTime.m.client.post(`/api/quiz-submissions/${onTime.attempt.id}/submit`, {
      answers: onTime.answers,
    })
    expect(auto.status).toBe(200)
    expect(auto.body).toMatchObject({ scorePct: 100, late: false, passed: true })
    expect(await completed(c.lesson, onTime.m.id)).toBe(1)

    const tooLate = await attemptStarted(c, '5 minutes 31 seconds')
    const late = await tooLate.m.client.post(`/api/quiz-submissions/${tooLate.attempt.id}/submit`, {
      answers: tooLate.answers,
    })
    expect(late.status).toBe(200)
    expect(late.body).toMatchObject({ scorePct: 100, late: true, passed: false, gradePassed: false })
    expect(await completed(c.lesson, tooLate.m.id)).toBe(0)
  })
})
