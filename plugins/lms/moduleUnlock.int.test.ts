import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createPerson, signIn, twoTenants, useTestApp, type HttpClient } from '@/core/testing'
import { tinyPng } from '@/core/testing/fixtureData'

/** Module-level unlock rules and prerequisites (lesson or module), cycles refused on save, quizzes gated by their lesson. */
const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string
let media: string
const DAY = 86_400_000
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)
const slug = () => `s-${Math.random().toString(36).slice(2, 10)}`
const owner = () => cast.inA.owner.client

const memberOfA = async (): Promise<{ id: string; client: HttpClient }> => {
  const { user, membership } = await createPerson(app.payload, { tenant: A, roles: ['member'] })
  return { id: String(membership!.id), client: (await signIn(app, user.email)).client }
}

/** A draft course (published by `publish`), made by the owner over REST. */
const newCourse = async (data: Record<string, unknown> = {}) => {
  const res = await owner().post('/api/courses?draft=true', { tenant: A, title: 'Course', slug: slug(), ...data })
  expect(res.status).toBe(201)
  return String(res.body.doc.id)
}
const newModule = async (course: string, title: string, unlock: Record<string, unknown> = { mode: 'none' }) => {
  const res = await owner().post('/api/course-modules', { tenant: A, course, title, unlock })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return String(res.body.doc.id)
}
const newLesson = async (module: string, title: string, data: Record<string, unknown> = {}) => {
  const content = await app.payload.create({
    collection: 'content-items',
    data: { tenant: A, title, slug: slug(), contentType: 'video', media, visibility: 'private', _status: 'published' },
  })
  const res = await owner().post('/api/lessons', {
    tenant: A,
    module,
    title,
    itemType: 'video',
    content: content.id,
    unlock: { mode: 'none' },
    ...data,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return String(res.body.doc.id)
}
const publish = async (course: string) =>
  app.payload.update({ collection: 'courses', id: course, data: { _status: 'published' } })

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
  const png = await tinyPng()
  media = String(
    (
      await app.payload.create({
        collection: 'media',
        data: { tenant: A, alt: 'lesson media', visibility: 'private' },
        file: { data: png, mimetype: 'image/png', name: `m-${slug()}.png`, size: png.length },
      })
    ).id,
  )
})

describe('module unlock rules', () => {
  it('after_days, on_date and cohort_start hold every lesson of the module: 403 lesson_locked naming the module, no media', async () => {
    const future = new Date(Date.now() + 10 * DAY).toISOString()
    const course = await newCourse({
      cohortStartDate: future,
      cohortEndDate: new Date(Date.now() + 40 * DAY).toISOString(),
    })
    const m1 = await newModule(course, 'Week 1')
    const m2 = await newModule(course, 'Week 2', { mode: 'after_days', days: 3 })
    const m3 = await newModule(course, 'Launch', { mode: 'on_date', date: future })
    const m4 = await newModule(course, 'Cohort', { mode: 'cohort_start' })
    const open = await newLesson(m1, 'Intro')
    const later = await newLesson(m2, 'Day three')
    const launch = await newLesson(m3, 'Launch day')
    const cohort = await newLesson(m4, 'Cohort day')
    await publish(course)
    const m = await memberOfA()
    expect((await m.client.post(`/api/courses/${course}/enrol`, {})).status).toBe(201)
    expect((await m.client.get(`/api/lessons/${open}/view`)).status).toBe(200)
    for (const [lesson, rule] of [
      [later, 'after_days'],
      [launch, 'on_date'],
      [cohort, 'cohort_start'],
    ]) {
      const res = await m.client.get(`/api/lessons/${lesson}/view`)
      expect(res.status).toBe(403)
      expect(res.body.error).toBe('lesson_locked')
      expect(res.body.message).toContain(`module is locked (${rule})`)
      expect(res.body.content).toBeUndefined()
    }
    const outline = await m.client.get(`/api/courses/${course}/outline`)
    const week2 = outline.body.modules.find((x: { id: string }) => x.id === m2)
    expect(week2.lessons[0].access).toMatchObject({ allowed: false, reason: 'locked:module_after_days' })
    expect(new Date(week2.lessons[0].access.unlocksAt).getTime()).toBeGreaterThan(Date.now() + 2 * DAY)
    // Three days later (the enrolment moves back in time): the module opens.
    await q(sql`UPDATE course_enrollments SET enrolled_at = now() - interval '4 days' WHERE member_id = ${m.id}`)
    expect((await m.client.get(`/api/lessons/${later}/view`)).status).toBe(200)
  })

  it('a module waits for a prerequisite module (every lesson done) or lesson; a lesson may wait for a module', async () => {
    const course = await newCourse()
    const m1 = await newModule(course, 'Basics')
    const a = await newLesson(m1, 'A')
    const b = await newLesson(m1, 'B')
    const m2 = await newModule(course, 'Advanced', { mode: 'prerequisite', prerequisiteModule: m1 })
    const c = await newLesson(m2, 'C')
    const m3 = await newModule(course, 'Extras')
    const d = await newLesson(m3, 'D', { unlock: { mode: 'prerequisite', prerequisiteModule: m2 } })
    await publish(course)
    const m = await memberOfA()
    await m.client.post(`/api/courses/${course}/enrol`, {})
    const locked = await m.client.get(`/api/lessons/${c}/view`)
    expect(locked.body).toMatchObject({ error: 'lesson_locked' })
    expect(locked.body.message).toContain('module is locked (prerequisite)')
    const outline = await m.client.get(`/api/courses/${course}/outline`)
    const lessonC = outline.body.modules.find((x: { id: string }) => x.id === m2).lessons[0]
    expect(lessonC).toMatchObject({
      access: { reason: 'locked:module_prerequisite' },
      after: { id: m1, title: 'Basics' },
    })
    expect((await m.client.post(`/api/lessons/${a}/complete`, {})).status).toBe(200)
    expect((await m.client.get(`/api/lessons/${c}/view`)).status).toBe(403) // B is not done yet
    // Completing a locked lesson is refused too.
    expect((await m.client.post(`/api/lessons/${c}/complete`, {})).status).toBe(403)
    expect((await m.client.post(`/api/lessons/${b}/complete`, {})).status).toBe(200)
    expect((await m.client.get(`/api/lessons/${c}/view`)).status).toBe(200)
    // D waits for the whole module Advanced (its lesson C).
    expect((await m.client.get(`/api/lessons/${d}/view`)).body.error).toBe('lesson_locked')
    expect((await m.client.post(`/api/lessons/${c}/complete`, {})).status).toBe(200)
    expect((await m.client.get(`/api/lessons/${d}/view`)).status).toBe(200)
  })
})

describe('prerequisite cycles are refused on save', () => {
  it('400 prerequisite_cycle naming the cycle, for lessons and modules; other courses and bad rules are refused', async () => {
    const course = await newCourse()
    const m1 = await newModule(course, 'One')
    const m2 = await newModule(course, 'Two')
    const a = await newLesson(m1, 'Alpha')
    const b = await newLesson(m2, 'Beta', { unlock: { mode: 'prerequisite', prerequisite: a } })

    // Lesson ↔ lesson.
    const ab = await owner().patch(`/api/lessons/${a}`, { unlock: { mode: 'prerequisite', prerequisite: b } })
    expect(ab.status).toBe(400)
    expect(JSON.stringify(ab.body)).toContain('prerequisite_cycle')
    expect(JSON.stringify(ab.body)).toContain('lesson “Alpha” → lesson “Beta” → lesson “Alpha”')
    // Module One waits for lesson Beta, which waits for Alpha, a lesson of One.
    const mod = await owner().patch(`/api/course-modules/${m1}`, { unlock: { mode: 'prerequisite', prerequisite: b } })
    expect(mod.status).toBe(400)
    expect(JSON.stringify(mod.body)).toContain('lesson “Alpha” → lesson “Beta” → lesson “Alpha”')
    // A lesson that waits for its own module.
    const own = await owner().patch(`/api/lessons/${b}`, { unlock: { mode: 'prerequisite', prerequisiteModule: m2 } })
    expect(own.status).toBe(400)
    expect(JSON.stringify(own.body)).toContain('lesson “Beta” → module “Two” → lesson “Beta”')
    // A module that waits for itself; for another module that waits for it.
    const self = await owner().patch(`/api/course-modules/${m2}`, {
      unlock: { mode: 'prerequisite', prerequisiteModule: m2 },
    })
    expect(self.status).toBe(400)
    expect(JSON.stringify(self.body)).toContain('prerequisite_cycle')
    expect(
      (await owner().patch(`/api/course-modules/${m2}`, { unlock: { mode: 'prerequisite', prerequisiteModule: m1 } }))
        .status,
    ).toBe(200)
    const back = await owner().patch(`/api/course-modules/${m1}`, {
      unlock: { mode: 'prerequisite', prerequisiteModule: m2 },
    })
    expect(back.status).toBe(400)
    expect(JSON.stringify(back.body)).toContain('module “Two”')
    // A new lesson in module One that waits for module One.
    const content = await app.payload.create({
      collection: 'content-items',
      data: { tenant: A, title: 'x', slug: slug(), contentType: 'video', media, visibility: 'private' },
    })
    const fresh = await owner().post('/api/lessons', {
      tenant: A,
      module: m1,
      title: 'Gamma',
      itemType: 'video',
      content: content.id,
      unlock: { mode: 'prerequisite', prerequisiteModule: m1 },
    })
    expect(fresh.status).toBe(400)
    expect(JSON.stringify(fresh.body)).toContain('lesson “Gamma” → module “One” → lesson “Gamma”')
    // Another course's lesson, or a prerequisite rule without a prerequisite.
    const other = await newCourse()
    const otherModule = await newModule(other, 'Elsewhere')
    const cross = await owner().patch(`/api/course-modules/${otherModule}`, {
      unlock: { mode: 'prerequisite', prerequisite: a },
    })
    expect(cross.status).toBe(400)
    expect(JSON.stringify(cross.body)).toContain('same course')
    const empty = await owner().patch(`/api/course-modules/${m1}`, { unlock: { mode: 'prerequisite' } })
    expect(empty.status).toBe(400)
    expect(JSON.stringify(empty.body)).toContain('invalid_unlock')
    const noDays = await owner().patch(`/api/course-modules/${m1}`, { unlock: { mode: 'after_days' } })
    expect(noDays.status).toBe(400)
    // Nothing of the refused saves was stored.
    const [row] = await q<{ mode: string }>(sql`SELECT unlock_mode AS mode FROM course_modules WHERE id = ${m1}`)
    expect(row.mode).toBe('none')
  })
})

describe('a quiz set by a locked lesson', () => {
  it('cannot be attempted through the API before its lesson unlocks; once open, a pass completes the lesson', async () => {
    const quiz = await app.payload.create({
      collection: 'quizzes',
      data: {
        tenant: A,
        title: 'Check',
        gradingMethod: 'highest',
        passMarkPct: 100,
        resumeHours: 24,
        questions: [{ kind: 'true_false', prompt: 'Yes?', trueAnswer: true }],
      },
    })
    const course = await newCourse()
    const m1 = await newModule(course, 'First')
    const first = await newLesson(m1, 'Read me')
    const m2 = await newModule(course, 'Test', { mode: 'prerequisite', prerequisite: first })
    const quizLesson = await owner().post('/api/lessons', {
      tenant: A,
      module: m2,
      title: 'Quiz',
      itemType: 'quiz',
      quiz: quiz.id,
      unlock: { mode: 'none' },
    })
    expect(quizLesson.status).toBe(201)
    await publish(course)
    const m = await memberOfA()
    // Not enrolled, then enrolled but locked: refused, and no attempt is stored.
    expect((await m.client.post(`/api/quizzes/${quiz.id}/attempts`, {})).body.error).toBe('not_enrolled')
    await m.client.post(`/api/courses/${course}/enrol`, {})
    const early = await m.client.post(`/api/quizzes/${quiz.id}/attempts`, {})
    expect(early.status).toBe(403)
    expect(early.body.error).toBe('lesson_locked')
    const [none] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM quiz_submissions WHERE member_id = ${m.id} AND quiz_id = ${quiz.id}`,
    )
    expect(none.n).toBe(0)
    // The module opens: the attempt starts, the pass completes the quiz lesson.
    expect((await m.client.post(`/api/lessons/${first}/complete`, {})).status).toBe(200)
    const attempt = await m.client.post(`/api/quizzes/${quiz.id}/attempts`, {})
    expect(attempt.status).toBe(200)
    const question = attempt.body.questions[0].id
    const submitted = await m.client.post(`/api/quiz-submissions/${attempt.body.id}/submit`, {
      answers: { [question]: true },
    })
    expect(submitted.body).toMatchObject({ passed: true, gradePassed: true })
    const [done] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM lesson_completions WHERE member_id = ${m.id} AND lesson_id = ${quizLesson.body.doc.id}`,
    )
    expect(done.n).toBe(1)
    const progress = await m.client.get(`/api/courses/${course}/progress`)
    expect(progress.body.enrollment).toMatchObject({ status: 'completed', progressPct: 100 })
  })
})
