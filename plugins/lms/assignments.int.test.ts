import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { sql } from '@payloadcms/db-postgres'
import type { Plugin } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql, subscribe } from '@/core'
import { createPerson, signIn, twoTenants, useTestApp, type HttpClient } from '@/core/testing'

/** Subscribes to the events whose count the tests check, so `emit` queues a job for each (the outbox). */
const probe = (): Plugin => (config) =>
  subscribe(
    config,
    { name: 'test.assignmentSubmitted', event: 'assignment.submitted', handler: async () => {} },
    { name: 'test.assignmentGraded', event: 'assignment.graded', handler: async () => {} },
    { name: 'test.assignmentReturned', event: 'assignment.returned', handler: async () => {} },
    { name: 'test.lessonCompleted', event: 'lesson.completed', handler: async () => {} },
    { name: 'test.courseCompleted', event: 'course.completed', handler: async () => {} },
  )

const app = useTestApp({ plugins: [probe()] })
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string
let B: string

const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

const slug = () => `s-${Math.random().toString(36).slice(2, 10)}`

type Member = { id: string; client: HttpClient }

/** A signed-in member of `tenant`. */
const signedInMember = async (tenant: string): Promise<Member> => {
  const { user, membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
  return { id: String(membership!.id), client: (await signIn(app, user.email)).client }
}

/** Members of A signed in once (logins are rate-limited per address); each test makes its own course. */
const pool: Member[] = []
let turn = 0
const memberOfA = () => pool[turn++ % pool.length]
let outsider: Member

type Unlock = { mode: 'none' | 'after_days'; days?: number }

/**
 * A published free course of tenant A: a written lesson, then an assignment lesson (its unlock rule),
 * with an assignment out of 10 points that passes at 6.
 */
const assignmentCourse = async (
  opts: { unlock?: Unlock; assignment?: Record<string, unknown>; withText?: boolean } = {},
) => {
  const assignment = await app.payload.create({
    collection: 'assignments',
    data: {
      tenant: A,
      title: 'Shoot three portraits',
      maxPoints: 10,
      passingPoints: 6,
      due: { mode: 'none' },
      ...opts.assignment,
    },
  })
  const course = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant: A, title: 'Course', slug: slug() },
  })
  const mod = await app.payload.create({
    collection: 'course-modules',
    data: { tenant: A, course: course.id, title: 'M' },
  })
  let text: string | null = null
  if (opts.withText) {
    const item = await app.payload.create({
      collection: 'content-items',
      data: {
        tenant: A,
        title: 'Read',
        slug: slug(),
        contentType: 'written',
        body: { root: { type: 'root', children: [], direction: null, format: '', indent: 0, version: 1 } },
        visibility: 'private',
        _status: 'published',
      },
    })
    text = String(
      (
        await app.payload.create({
          collection: 'lessons',
          data: {
            tenant: A,
            module: mod.id,
            title: 'Read',
            itemType: 'text',
            content: item.id,
            unlock: { mode: 'none' },
          },
        })
      ).id,
    )
  }
  const lesson = await app.payload.create({
    collection: 'lessons',
    data: {
      tenant: A,
      module: mod.id,
      title: 'Hand in',
      itemType: 'assignment',
      assignment: assignment.id,
      unlock: opts.unlock ?? { mode: 'none' },
    },
  })
  await app.payload.update({ collection: 'courses', id: course.id, data: { _status: 'published' } })
  return { course: String(course.id), assignment: String(assignment.id), lesson: String(lesson.id), text }
}

/** An enrolled member of A and a course with an assignment lesson. */
const enrolled = async (opts: Parameters<typeof assignmentCourse>[0] = {}) => {
  const c = await assignmentCourse(opts)
  const m = memberOfA()
  expect((await m.client.post(`/api/courses/${c.course}/enrol`, {})).status).toBe(201)
  return { ...c, m }
}

const jobs = async (type: string, key: string, value: string) =>
  (
    await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE input->'event'->>'type' = ${type}
          AND input->'event'->'data'->>${key} = ${value} AND input->>'subscriber' LIKE 'test.%'`,
    )
  )[0].n

const errorOf = (body: { error?: string; message?: string; errors?: { message: string }[] }) =>
  body.error ?? body.errors?.[0]?.message ?? ''

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
  B = String(cast.b.id)
  for (let i = 0; i < 5; i++) pool.push(await signedInMember(A))
  outsider = await signedInMember(B)
})

describe('assignments: handing in', () => {
  it('a member hands in text and links for an open assignment lesson and sees it in the lesson view', async () => {
    const { m, assignment, lesson } = await enrolled()
    const res = await m.client.post(`/api/assignments/${assignment}/submit`, {
      body: 'My three portraits',
      links: ['https://example.com/portfolio'],
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ attempt: 1, status: 'submitted', late: false, points: null })
    expect(res.body.links).toEqual(['https://example.com/portfolio'])
    expect(await jobs('assignment.submitted', 'submission', res.body.id)).toBe(1)
    const view = await m.client.get(`/api/lessons/${lesson}/view`)
    expect(view.status).toBe(200)
    expect(view.body.assignment).toMatchObject({ id: assignment, maxPoints: 10, passingPoints: 6, canSubmit: false })
    expect(view.body.assignment.submissions.map((s: { id: string }) => s.id)).toEqual([res.body.id])
    // the member reads their own submission, not the assignment collection (staff only)
    expect((await m.client.get(`/api/assignment-submissions/${res.body.id}`)).status).toBe(200)
    expect((await m.client.get(`/api/assignments/${assignment}`)).status).not.toBe(200)
    // an empty hand-in and a bad link are 400
    const other = await enrolled()
    expect((await other.m.client.post(`/api/assignments/${other.assignment}/submit`, { body: '  ' })).status).toBe(400)
    const badLink = await other.m.client.post(`/api/assignments/${other.assignment}/submit`, {
      links: ['javascript:x'],
    })
    expect(badLink.status).toBe(400)
  })

  it('answers 403 for a locked lesson and for a member not enrolled, and stores nothing', async () => {
    const { m, assignment } = await enrolled({ unlock: { mode: 'after_days', days: 3 } })
    const locked = await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'too early' })
    expect(locked.status).toBe(403)
    expect(locked.body.error).toBe('lesson_locked')
    const c = await assignmentCourse()
    const stranger = memberOfA()
    const notEnrolled = await stranger.client.post(`/api/assignments/${c.assignment}/submit`, { body: 'hi' })
    expect(notEnrolled.status).toBe(403)
    expect(notEnrolled.body.error).toBe('not_enrolled')
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM assignment_submissions WHERE assignment_id IN (${assignment}, ${c.assignment})`,
    )
    expect(n).toBe(0)
  })

  it('refuses a second hand-in (409) until staff return the first; then the next attempt is accepted', async () => {
    const { m, assignment } = await enrolled()
    const first = await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'v1' })
    expect(first.status).toBe(201)
    const again = await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'v2' })
    expect(again.status).toBe(409)
    expect(again.body.error).toBe('already_submitted')
    // a member cannot return (or grade) their own submission
    expect((await m.client.post(`/api/assignment-submissions/${first.body.id}/return`, {})).status).toBe(403)
    const returned = await cast.inA.instructor.client.post(`/api/assignment-submissions/${first.body.id}/return`, {
      feedback: 'Add a caption to each portrait.',
    })
    expect(returned.status).toBe(200)
    expect(returned.body).toMatchObject({ status: 'returned', feedback: 'Add a caption to each portrait.' })
    expect(await jobs('assignment.returned', 'submission', first.body.id)).toBe(1)
    // a returned submission is closed: it cannot be graded any more
    const late = await cast.inA.instructor.client.post(`/api/assignment-submissions/${first.body.id}/grade`, {
      points: 8,
    })
    expect(late.status).toBe(409)
    const second = await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'v2 with captions' })
    expect(second.status).toBe(201)
    expect(second.body.attempt).toBe(2)
    expect((await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'v3' })).status).toBe(409)
  })

  it('refuses a return when the assignment takes one submission only', async () => {
    const { m, assignment } = await enrolled({ assignment: { allowResubmission: false } })
    const first = await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'once' })
    const res = await cast.inA.instructor.client.post(`/api/assignment-submissions/${first.body.id}/return`, {})
    expect(res.status).toBe(409)
    expect(res.body.error).toBe('resubmission_not_allowed')
  })

  it('keeps one live submission under 20 concurrent hand-ins', async () => {
    const { m, assignment } = await enrolled()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        m.client.post(`/api/assignments/${assignment}/submit`, { body: `try ${i}` }),
      ),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(19)
    const [{ live, all }] = await q<{ live: number; all: number }>(
      sql`SELECT count(*) FILTER (WHERE status <> 'returned')::int AS live, count(*)::int AS all
          FROM assignment_submissions WHERE assignment_id = ${assignment} AND member_id = ${m.id}`,
    )
    expect({ live, all }).toEqual({ live: 1, all: 1 })
    expect(await jobs('assignment.submitted', 'assignment', assignment)).toBe(1)
  })
})

describe('assignments: grading', () => {
  it('a passing grade completes the lesson through the completion path, once', async () => {
    const { m, assignment, lesson, course } = await enrolled()
    const sub = await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'done' })
    const failing = await cast.inA.instructor.client.post(`/api/assignment-submissions/${sub.body.id}/grade`, {
      points: 4,
      feedback: 'Not yet.',
    })
    expect(failing.status).toBe(200)
    expect(failing.body).toMatchObject({ status: 'graded', points: 4, passed: false, feedback: 'Not yet.' })
    expect(await jobs('lesson.completed', 'lesson', lesson)).toBe(0)
    const passing = await cast.inA.instructor.client.post(`/api/assignment-submissions/${sub.body.id}/grade`, {
      points: 9,
    })
    expect(passing.body).toMatchObject({ status: 'graded', points: 9, passed: true })
    // the same grade again: nothing new
    await cast.inA.instructor.client.post(`/api/assignment-submissions/${sub.body.id}/grade`, { points: 9 })
    const regrade = await cast.inA.instructor.client.post(`/api/assignment-submissions/${sub.body.id}/grade`, {
      points: 10,
    })
    expect(regrade.status).toBe(200)
    expect(await jobs('assignment.graded', 'submission', sub.body.id)).toBe(3) // 4, 9, 10
    expect(await jobs('lesson.completed', 'lesson', lesson)).toBe(1)
    expect(await jobs('course.completed', 'course', course)).toBe(1)
    const [row] = await q<{ n: number; pct: number; status: string; by: string; at: Date | null }>(
      sql`SELECT (SELECT count(*)::int FROM lesson_completions WHERE lesson_id = ${lesson} AND member_id = ${m.id}) AS n,
                 e.progress_pct::int AS pct, e.status::text AS status,
                 (SELECT graded_by_id::text FROM assignment_submissions WHERE id = ${sub.body.id}) AS by,
                 (SELECT graded_at FROM assignment_submissions WHERE id = ${sub.body.id}) AS at
          FROM course_enrollments e WHERE e.course_id = ${course} AND e.member_id = ${m.id}`,
    )
    expect(row).toMatchObject({ n: 1, pct: 100, status: 'completed', by: cast.inA.instructor.userId })
    expect(row.at).toBeTruthy()
    // the member hears of the grade by e-mail, sent from the jobs queue
    const [job] = await q<{ id: string }>(
      sql`SELECT id::text AS id FROM payload_jobs WHERE input->>'subscriber' = 'lms.notifyAssignmentGraded'
          AND input->'event'->'data'->>'submission' = ${sub.body.id} AND input->'event'->'data'->>'points' = '9'`,
    )
    await app.payload.jobs.run({ where: { id: { equals: job.id } } })
    const [{ email }] = await q<{ email: string }>(
      sql`SELECT u.email FROM tenant_memberships m JOIN users u ON u.id = m.user_id WHERE m.id = ${m.id}`,
    )
    const dir = path.join(process.env.DATA_DIR!, 'mail')
    const mails = await Promise.all(
      (await readdir(dir)).map(
        async (f) => JSON.parse(await readFile(path.join(dir, f), 'utf8')) as { to: string; text: string },
      ),
    )
    expect(mails.filter((mail) => mail.to === email).map((mail) => mail.text)).toContainEqual(
      expect.stringContaining('was graded: 9 / 10 (passed)'),
    )
    // the member sees the grade and feedback in the lesson view
    const view = await m.client.get(`/api/lessons/${lesson}/view`)
    expect(view.body.assignment.submissions[0]).toMatchObject({ status: 'graded', points: 10, passed: true })
    expect(view.body.assignment.canSubmit).toBe(false)
  })

  it('a grade set in the admin (a REST update by staff) follows the same rules and completes the lesson', async () => {
    const { m, assignment, lesson, course } = await enrolled({ withText: true })
    const sub = await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'done' })
    const edit = await cast.inA.owner.client.patch(`/api/assignment-submissions/${sub.body.id}`, {
      status: 'graded',
      points: 7,
      feedback: 'Good',
      body: 'rewritten by staff',
      gradedBy: cast.inA.member.userId,
    })
    expect(edit.status).toBe(200)
    const [row] = await q<{ body: string; by: string; status: string; points: number }>(
      sql`SELECT body, graded_by_id::text AS by, status::text AS status, points::int AS points
          FROM assignment_submissions WHERE id = ${sub.body.id}`,
    )
    expect(row).toEqual({ body: 'done', by: cast.inA.owner.userId, status: 'graded', points: 7 })
    expect(await jobs('lesson.completed', 'lesson', lesson)).toBe(1)
    const [{ pct }] = await q<{ pct: number }>(
      sql`SELECT progress_pct::int AS pct FROM course_enrollments WHERE member_id = ${m.id} AND course_id = ${course}`,
    )
    expect(pct).toBe(50)
    const outOfRange = await cast.inA.owner.client.patch(`/api/assignment-submissions/${sub.body.id}`, { points: 11 })
    expect(outOfRange.status).toBe(400)
    expect(errorOf(outOfRange.body)).toMatch(/between 0 and 10/)
    // front desk is staff (reads) but does not grade
    expect((await cast.inA.frontDesk.client.get(`/api/assignment-submissions/${sub.body.id}`)).status).toBe(200)
    const desk = await cast.inA.frontDesk.client.post(`/api/assignment-submissions/${sub.body.id}/grade`, { points: 1 })
    expect(desk.status).toBe(403)
  })

  it('answers 400 with a clear message for points outside 0 … maxPoints', async () => {
    const { m, assignment } = await enrolled()
    const sub = await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'x' })
    for (const points of [11, -1]) {
      const res = await cast.inA.instructor.client.post(`/api/assignment-submissions/${sub.body.id}/grade`, { points })
      expect(res.status).toBe(400)
      expect(res.body).toMatchObject({ error: 'points_out_of_range' })
      expect(res.body.message).toMatch(/Points must be between 0 and 10/)
    }
    const text = await cast.inA.instructor.client.post(`/api/assignment-submissions/${sub.body.id}/grade`, {
      points: 'ten',
    })
    expect(text.status).toBe(400)
    const [row] = await q<{ status: string }>(
      sql`SELECT status::text AS status FROM assignment_submissions WHERE id = ${sub.body.id}`,
    )
    expect(row.status).toBe('submitted')
  })
})

describe('assignments: tenants', () => {
  it("another tenant's member can neither read nor hand in; another tenant's staff cannot grade", async () => {
    const { m, assignment } = await enrolled()
    const sub = await m.client.post(`/api/assignments/${assignment}/submit`, { body: 'mine' })
    expect((await outsider.client.get(`/api/assignment-submissions/${sub.body.id}`)).status).toBe(404)
    const list = await outsider.client.get(`/api/assignment-submissions?limit=100`)
    expect(list.body.docs ?? []).toEqual([])
    const submit = await outsider.client.post(`/api/assignments/${assignment}/submit`, { body: 'theirs' })
    expect([403, 404]).toContain(submit.status)
    const grade = await cast.inB.instructor.client.post(`/api/assignment-submissions/${sub.body.id}/grade`, {
      points: 10,
    })
    expect([403, 404]).toContain(grade.status)
    // another member of the same tenant does not read it either
    const neighbour = pool.find((x) => x.id !== m.id)!
    expect((await neighbour.client.get(`/api/assignment-submissions/${sub.body.id}`)).status).toBe(404)
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM assignment_submissions WHERE assignment_id = ${assignment}`,
    )
    expect(n).toBe(1)
  })

  it('an assignment lesson needs an assignment of its own tenant', async () => {
    const foreign = await app.payload.create({
      collection: 'assignments',
      data: { tenant: B, title: 'Other', maxPoints: 5, passingPoints: 3, due: { mode: 'none' } },
    })
    const course = await app.payload.create({
      collection: 'courses',
      draft: true,
      data: { tenant: A, title: 'C', slug: slug() },
    })
    const mod = await app.payload.create({
      collection: 'course-modules',
      data: { tenant: A, course: course.id, title: 'M' },
    })
    const base = {
      tenant: A,
      module: mod.id,
      title: 'L',
      itemType: 'assignment' as const,
      unlock: { mode: 'none' as const },
    }
    await expect(app.payload.create({ collection: 'lessons', data: base })).rejects.toThrow(/needs an assignment/)
    await expect(
      app.payload.create({ collection: 'lessons', data: { ...base, assignment: foreign.id } }),
    ).rejects.toThrow(/another business/)
    await expect(
      app.payload.create({
        collection: 'assignments',
        data: { tenant: A, title: 'Bad', maxPoints: 5, passingPoints: 6, due: { mode: 'none' } },
      }),
    ).rejects.toThrow(/passing points/)
  })
})

describe('quiz lessons', () => {
  it('passing the quiz completes its quiz lesson', async () => {
    const quiz = await app.payload.create({
      collection: 'quizzes',
      data: {
        tenant: A,
        title: 'Q',
        gradingMethod: 'highest',
        passMarkPct: 100,
        resumeHours: 24,
        questions: [{ kind: 'true_false', prompt: 'Yes?', trueAnswer: true }],
      },
    })
    const course = await app.payload.create({
      collection: 'courses',
      draft: true,
      data: { tenant: A, title: 'C', slug: slug() },
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
    const m = memberOfA()
    await m.client.post(`/api/courses/${course.id}/enrol`, {})
    const view = await m.client.get(`/api/lessons/${lesson.id}/view`)
    expect(view.body.quiz).toMatchObject({ id: String(quiz.id), passMarkPct: 100 })
    const failed = await m.client.post(`/api/quizzes/${quiz.id}/attempts`, {})
    const q1 = failed.body.questions[0].id
    await m.client.post(`/api/quiz-submissions/${failed.body.id}/submit`, { answers: { [q1]: false } })
    expect(await jobs('lesson.completed', 'lesson', String(lesson.id))).toBe(0)
    const passed = await m.client.post(`/api/quizzes/${quiz.id}/attempts`, {})
    const q2 = passed.body.questions[0].id
    const res = await m.client.post(`/api/quiz-submissions/${passed.body.id}/submit`, { answers: { [q2]: true } })
    expect(res.body).toMatchObject({ passed: true, gradePassed: true })
    expect(await jobs('lesson.completed', 'lesson', String(lesson.id))).toBe(1)
    expect(await jobs('course.completed', 'course', String(course.id))).toBe(1)
  })
})
