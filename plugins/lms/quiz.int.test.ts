import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createPerson, signIn, twoTenants, useTestApp, type HttpClient } from '@/core/testing'
import { tinyPng } from '@/core/testing/fixtureData'

const app = useTestApp()
let A: string
let B: string

const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

const memberOfA = async (): Promise<{ id: string; client: HttpClient }> => {
  const { user, membership } = await createPerson(app.payload, { tenant: A, roles: ['member'] })
  return { id: String(membership!.id), client: (await signIn(app, user.email)).client }
}

type Bank = { category?: string; kind: 'single' | 'multiple' | 'true_false' | 'short'; prompt: string }[]

/** A quiz of tenant A: questions "Q<n>" whose right answer is choice 0 / true / "yes". */
const quiz = async (data: Record<string, unknown> = {}, bank?: Bank) => {
  const questions = (
    bank ?? [
      { kind: 'single', prompt: 'Q1' },
      { kind: 'multiple', prompt: 'Q2' },
      { kind: 'true_false', prompt: 'Q3' },
      { kind: 'short', prompt: 'Q4' },
    ]
  ).map((b) => ({
    ...b,
    choices:
      b.kind === 'single' || b.kind === 'multiple'
        ? [
            { text: 'right', correct: true },
            { text: 'wrong', correct: false },
          ]
        : [],
    trueAnswer: b.kind === 'true_false',
    acceptedAnswers: b.kind === 'short' ? 'yes\nYep' : '',
  }))
  const doc = await app.payload.create({
    collection: 'quizzes',
    data: {
      tenant: A,
      title: 'Quiz',
      gradingMethod: 'highest',
      passMarkPct: 70,
      resumeHours: 24,
      questions,
      ...data,
    } as never,
  })
  return String(doc.id)
}

type Drawn = { id: string; kind: string; prompt: string; choices: string[] }
const rightAnswers = (questions: Drawn[]) =>
  Object.fromEntries(questions.map((x) => [x.id, x.kind === 'true_false' ? true : x.kind === 'short' ? ' YES ' : [0]]))
const wrongAnswers = (questions: Drawn[]) =>
  Object.fromEntries(questions.map((x) => [x.id, x.kind === 'true_false' ? false : x.kind === 'short' ? 'no' : [1]]))

beforeAll(async () => {
  const cast = await twoTenants(app)
  A = String(cast.a.id)
  B = String(cast.b.id)
})

describe('quizzes', () => {
  it('scores on the server and ignores a score sent by the client', async () => {
    const m = await memberOfA()
    const id = await quiz()
    const start = await m.client.post(`/api/quizzes/${id}/attempts`, {})
    expect(start.status).toBe(200)
    expect(JSON.stringify(start.body)).not.toMatch(/correct|trueAnswer|accepted|answerKey/)
    const submit = await m.client.post(`/api/quiz-submissions/${start.body.id}/submit`, {
      answers: wrongAnswers(start.body.questions),
      scorePct: 100,
      score: 100,
      passed: true,
    })
    expect(submit.status).toBe(200)
    expect(submit.body).toMatchObject({ scorePct: 0, passed: false, late: false })
    const [row] = await q<{ score: number; passed: boolean }>(
      sql`SELECT score_pct::int AS score, passed FROM quiz_submissions WHERE id = ${start.body.id}`,
    )
    expect(row).toEqual({ score: 0, passed: false })
    // a member cannot read the key through the REST API either
    const read = await m.client.get(`/api/quiz-submissions/${start.body.id}`)
    expect(read.status).toBe(200)
    expect(read.body.answerKey).toBeUndefined()
    expect((await m.client.get(`/api/quizzes/${id}`)).status).not.toBe(200)
  })

  it('keeps the attempt limit under 10 concurrent starts and refuses a start past it', async () => {
    const m = await memberOfA()
    const id = await quiz({ attemptLimit: 2 })
    const starts = await Promise.all(Array.from({ length: 10 }, () => m.client.post(`/api/quizzes/${id}/attempts`, {})))
    expect(starts.map((s) => s.status)).toEqual(Array(10).fill(200))
    expect(new Set(starts.map((s) => s.body.id)).size).toBe(1)
    await m.client.post(`/api/quiz-submissions/${starts[0].body.id}/submit`, {})
    const second = await m.client.post(`/api/quizzes/${id}/attempts`, {})
    await m.client.post(`/api/quiz-submissions/${second.body.id}/submit`, {})
    const burst = await Promise.all(Array.from({ length: 10 }, () => m.client.post(`/api/quizzes/${id}/attempts`, {})))
    expect(burst.map((s) => s.status)).toEqual(Array(10).fill(409))
    expect(burst[0].body.errors?.[0]?.message ?? JSON.stringify(burst[0].body)).toMatch(/attempts/)
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM quiz_submissions WHERE quiz_id = ${id} AND member_id = ${m.id}`,
    )
    expect(n).toBe(2)
  })

  it('stores exactly the drawn questions (N per category) and scores only those', async () => {
    const m = await memberOfA()
    const bank: Bank = [
      { category: 'a', kind: 'single', prompt: 'A1' },
      { category: 'a', kind: 'single', prompt: 'A2' },
      { category: 'a', kind: 'single', prompt: 'A3' },
      { category: 'b', kind: 'true_false', prompt: 'B1' },
      { category: 'b', kind: 'true_false', prompt: 'B2' },
    ]
    const id = await quiz({ drawCount: 1, drawPerCategory: true }, bank)
    const start = await m.client.post(`/api/quizzes/${id}/attempts`, {})
    const drawn: Drawn[] = start.body.questions
    expect(drawn).toHaveLength(2)
    expect(drawn.map((x) => x.prompt[0]).sort()).toEqual(['A', 'B'])
    const [row] = await q<{ questions: Drawn[]; key: { id: string }[] }>(
      sql`SELECT questions, answer_key AS key FROM quiz_submissions WHERE id = ${start.body.id}`,
    )
    expect(row.questions).toEqual(drawn)
    expect(row.key.map((k) => k.id)).toEqual(drawn.map((x) => x.id))
    const other = (await app.payload.findByID({ collection: 'quizzes', id, depth: 0 })).questions.find(
      (x) => !drawn.some((d) => d.id === x.id),
    )!
    const stray = await m.client.patch(`/api/quiz-submissions/${start.body.id}/answers`, {
      answers: { [String(other.id)]: [0] },
    })
    expect(stray.status).toBe(400)
    const submit = await m.client.post(`/api/quiz-submissions/${start.body.id}/submit`, {
      answers: rightAnswers(drawn),
    })
    expect(submit.body).toMatchObject({ scorePct: 100, passed: true })
  })

  it('resumes the open attempt with its answers on another device; another member cannot touch it', async () => {
    const { user, membership } = await createPerson(app.payload, { tenant: A, roles: ['member'] })
    const phone = (await signIn(app, user.email)).client
    const laptop = (await signIn(app, user.email)).client
    const id = await quiz()
    const start = await phone.post(`/api/quizzes/${id}/attempts`, {})
    const first = start.body.questions[0] as Drawn
    const saved = await phone.patch(`/api/quiz-submissions/${start.body.id}/answers`, {
      answers: { [first.id]: first.kind === 'true_false' ? true : first.kind === 'short' ? 'yes' : [0] },
    })
    expect(saved.status).toBe(200)
    const resumed = await laptop.post(`/api/quizzes/${id}/attempts`, {})
    expect(resumed.body.id).toBe(start.body.id)
    expect(resumed.body.questions).toEqual(start.body.questions)
    expect(Object.keys(resumed.body.answers)).toEqual([first.id])
    const stranger = await memberOfA()
    expect((await stranger.client.post(`/api/quiz-submissions/${start.body.id}/submit`, {})).status).toBe(404)
    expect(String(membership!.id)).not.toBe(stranger.id)
  })

  it('starts a new attempt once the resume window has passed, and marks a submission past the time limit late', async () => {
    const m = await memberOfA()
    const id = await quiz({ resumeHours: 1, timeLimitMinutes: 10 })
    const first = await m.client.post(`/api/quizzes/${id}/attempts`, {})
    await q(sql`UPDATE quiz_submissions SET started_at = now() - interval '2 hours' WHERE id = ${first.body.id}`)
    const second = await m.client.post(`/api/quizzes/${id}/attempts`, {})
    expect(second.body.id).not.toBe(first.body.id)
    const late = await m.client.post(`/api/quiz-submissions/${first.body.id}/submit`, {
      answers: rightAnswers(first.body.questions),
    })
    expect(late.body).toMatchObject({ scorePct: 100, late: true, passed: false })
  })

  it.each([
    ['highest', 100],
    ['last', 0],
    ['average', 50],
  ] as const)('grades by the %s attempt', async (gradingMethod, grade) => {
    const m = await memberOfA()
    const id = await quiz({ gradingMethod })
    const one = await m.client.post(`/api/quizzes/${id}/attempts`, {})
    await m.client.post(`/api/quiz-submissions/${one.body.id}/submit`, { answers: rightAnswers(one.body.questions) })
    const two = await m.client.post(`/api/quizzes/${id}/attempts`, {})
    const res = await m.client.post(`/api/quiz-submissions/${two.body.id}/submit`, {
      answers: wrongAnswers(two.body.questions),
    })
    expect(res.body.grade).toBe(grade)
    expect((await m.client.post(`/api/quiz-submissions/${two.body.id}/submit`, {})).status).toBe(409)
  })
})

describe('video checkpoints', () => {
  it('completes a video lesson only once each checkpoint quiz is passed; a quiz of another tenant is refused', async () => {
    const png = await tinyPng()
    const media = await app.payload.create({
      collection: 'media',
      data: { tenant: A, alt: 'video', visibility: 'private' },
      file: { data: png, mimetype: 'image/png', name: `cp-${Date.now()}.png`, size: png.length },
    })
    const s = `cp-${Math.random().toString(36).slice(2, 10)}`
    const c = await app.payload.create({ collection: 'courses', draft: true, data: { tenant: A, title: 'C', slug: s } })
    const mod = await app.payload.create({
      collection: 'course-modules',
      data: { tenant: A, course: c.id, title: 'M' },
    })
    const item = await app.payload.create({
      collection: 'content-items',
      data: {
        tenant: A,
        title: 'V',
        slug: s,
        contentType: 'video',
        media: media.id,
        visibility: 'private',
        _status: 'published',
      },
    })
    const checkpointQuiz = await quiz({ passMarkPct: 100 })
    const foreign = await app.payload.create({
      collection: 'quizzes',
      data: {
        tenant: B,
        title: 'Other',
        gradingMethod: 'highest',
        passMarkPct: 50,
        resumeHours: 1,
        questions: [{ kind: 'true_false', prompt: 'x', trueAnswer: true }],
      },
    })
    const lessonData = {
      tenant: A,
      module: mod.id,
      title: 'Video',
      itemType: 'video' as const,
      content: item.id,
      unlock: { mode: 'none' as const },
    }
    await expect(
      app.payload.create({
        collection: 'lessons',
        data: { ...lessonData, checkpoints: [{ atSeconds: 5, quiz: foreign.id }] },
      }),
    ).rejects.toThrow(/quiz/i)
    const lesson = await app.payload.create({
      collection: 'lessons',
      data: { ...lessonData, checkpoints: [{ atSeconds: 30, quiz: checkpointQuiz }] },
    })
    await app.payload.update({ collection: 'courses', id: c.id, data: { _status: 'published' } })
    const m = await memberOfA()
    expect((await m.client.post(`/api/courses/${c.id}/enrol`, {})).status).toBe(201)
    const early = await m.client.post(`/api/lessons/${lesson.id}/complete`, {})
    expect(early.status).toBe(409)
    const failed = await m.client.post(`/api/quizzes/${checkpointQuiz}/attempts`, {})
    await m.client.post(`/api/quiz-submissions/${failed.body.id}/submit`, {
      answers: wrongAnswers(failed.body.questions),
    })
    expect((await m.client.post(`/api/lessons/${lesson.id}/complete`, {})).status).toBe(409)
    const passed = await m.client.post(`/api/quizzes/${checkpointQuiz}/attempts`, {})
    await m.client.post(`/api/quiz-submissions/${passed.body.id}/submit`, {
      answers: rightAnswers(passed.body.questions),
    })
    const done = await m.client.post(`/api/lessons/${lesson.id}/complete`, {})
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ completed: true, courseCompleted: true })
  })
})
