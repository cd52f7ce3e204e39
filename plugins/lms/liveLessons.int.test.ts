import { sql } from '@payloadcms/db-postgres'
import type { Plugin } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql, subscribe } from '@/core'
import { createPerson, localReqAs, signIn, twoTenants, useTestApp, type HttpClient } from '@/core/testing'
import { completeLiveLessons } from './operations/completeLiveLessons'

/**
 * Live-session lessons: a lesson linked to a bookings class. The lesson view shows the class (times,
 * zone, the member's booking, the join link once booked); a member cannot mark it done themselves;
 * checking in to the class (bookings' `booking.checked_in`) completes it exactly once; teaching
 * staff may mark it done for a member.
 */
/** What the subscribers were handed: `lesson.completed` and `course.completed` as delivered (jobs run in this process). */
const delivered: { type: string; member: string; lesson?: string }[] = []
const probe = (): Plugin => (config) =>
  subscribe(
    config,
    {
      name: 'test.lessonCompleted',
      event: 'lesson.completed',
      handler: async (event) => {
        delivered.push({ type: event.type, member: event.data.member, lesson: event.data.lesson })
      },
    },
    {
      name: 'test.courseCompleted',
      event: 'course.completed',
      handler: async (event) => {
        delivered.push({ type: event.type, member: event.data.member })
      },
    },
  )

const app = useTestApp({ plugins: [probe()] })
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string
let B: string

const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)
const slug = () => `s-${Math.random().toString(36).slice(2, 10)}`
/** Delivers the queued events (the subscribers run as jobs after commit). */
const deliver = async () => {
  for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 200 })
}

type Member = { id: string; client: HttpClient }
const signedInMember = async (tenant: string): Promise<Member> => {
  const { user, membership } = await createPerson(app.payload, { tenant, roles: ['member'] })
  return { id: String(membership!.id), client: (await signIn(app, user.email)).client }
}

/** A virtual class starting in 10 minutes (inside the check-in window), made by the business's owner. */
const liveClass = async (tenant = A) => {
  const owner = tenant === A ? cast.inA.owner.client : cast.inB.owner.client
  const res = await owner.post('/api/classes', {
    tenant,
    title: 'Live core session',
    startTime: new Date(Date.now() + 10 * 60_000).toISOString(),
    durationMinutes: 45,
    capacity: 10,
    waitlistCapacity: 0,
    deliveryMode: 'virtual',
    joinLink: 'https://meet.example.com/core',
  })
  expect(res.status).toBe(201)
  return String(res.body.doc.id)
}

/** A published free course of A whose only lesson is a live session of `klass`. */
const liveCourse = async (klass: string) => {
  const course = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant: A, title: 'Live course', slug: slug() },
  })
  const mod = await app.payload.create({
    collection: 'course-modules',
    data: { tenant: A, course: course.id, title: 'M' },
  })
  const lesson = await app.payload.create({
    collection: 'lessons',
    data: {
      tenant: A,
      module: mod.id,
      title: 'Join live',
      itemType: 'live',
      liveClass: klass,
      unlock: { mode: 'none' },
    },
  })
  await app.payload.update({ collection: 'courses', id: course.id, data: { _status: 'published' } })
  return { course: String(course.id), module: String(mod.id), lesson: String(lesson.id) }
}

const count = async (query: ReturnType<typeof sql>) => (await q<{ n: number }>(query))[0].n
const completions = (lesson: string, member: string) =>
  count(sql`SELECT count(*)::int AS n FROM lesson_completions WHERE lesson_id = ${lesson} AND member_id = ${member}`)
/** How many `type` events were delivered for the member (and lesson, for lesson.completed). */
const events = async (type: string, lesson: string, member: string) =>
  delivered.filter((e) => e.type === type && e.member === member && (e.lesson ?? lesson) === lesson).length

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
  B = String(cast.b.id)
})

describe('live-session lessons', () => {
  it('need a class of the same business', async () => {
    const { module } = await liveCourse(await liveClass())
    const owner = cast.inA.owner.client
    const none = await owner.post('/api/lessons', { tenant: A, module, title: 'No class', itemType: 'live' })
    expect(none.status).toBe(400)
    const foreign = await owner.post('/api/lessons', {
      tenant: A,
      module,
      title: 'Foreign class',
      itemType: 'live',
      liveClass: await liveClass(B),
    })
    expect(foreign.status).toBe(400)
    // a live lesson keeps no content, quiz or assignment
    const ok = await owner.post('/api/lessons', {
      tenant: A,
      module,
      title: 'Second session',
      itemType: 'live',
      liveClass: await liveClass(),
    })
    expect(ok.status).toBe(201)
    expect(ok.body.doc).toMatchObject({ itemType: 'live', content: null, quiz: null, assignment: null })
  })

  it('shows the class and the booking, refuses self-completion, and completes exactly once on check-in', async () => {
    const klass = await liveClass()
    const { course, lesson } = await liveCourse(klass)
    const m = await signedInMember(A)
    expect((await m.client.post(`/api/courses/${course}/enrol`, {})).status).toBe(201)

    const before = await m.client.get(`/api/lessons/${lesson}/view`)
    expect(before.status).toBe(200)
    expect(before.body.live).toMatchObject({
      class: klass,
      title: 'Live core session',
      status: 'scheduled',
      deliveryMode: 'virtual',
      booked: false,
      booking: null,
      joinLink: null, // only once the member holds a place
      checkedIn: false,
    })
    expect(before.body.live.timezone).toEqual(expect.any(String))
    expect(new Date(before.body.live.endTime).getTime() - new Date(before.body.live.startTime).getTime()).toBe(
      45 * 60_000,
    )

    // the member cannot mark it done; nothing is stored
    const self = await m.client.post(`/api/lessons/${lesson}/complete`, {})
    expect(self.status).toBe(409)
    expect(self.body.error).toBe('attendance_required')
    expect(await completions(lesson, m.id)).toBe(0)

    const booked = await m.client.post(`/api/classes/${klass}/book`)
    expect(booked.status).toBe(201)
    const after = await m.client.get(`/api/lessons/${lesson}/view`)
    expect(after.body.live).toMatchObject({
      booked: true,
      booking: { id: booked.body.booking.id, status: 'confirmed' },
      joinLink: 'https://meet.example.com/core',
    })

    const checkIn = await cast.inA.frontDesk.client.post(`/api/bookings/${booked.body.booking.id}/check-in`)
    expect(checkIn.status).toBe(200)
    expect(await completions(lesson, m.id)).toBe(0) // after the commit, through the jobs queue
    await deliver()
    expect(await completions(lesson, m.id)).toBe(1)
    expect(await events('lesson.completed', lesson, m.id)).toBe(1)
    expect(await events('course.completed', lesson, m.id)).toBe(1)
    const [enrollment] = await q<{ status: string; progress: number }>(
      sql`SELECT status::text, progress_pct::int AS progress FROM course_enrollments
          WHERE course_id = ${course} AND member_id = ${m.id}`,
    )
    expect(enrollment).toEqual({ status: 'completed', progress: 100 })

    // a redelivered check-in (and a second check-in) change nothing
    const req = await localReqAs(app.payload, cast.inA.frontDesk.userId!)
    expect(await completeLiveLessons(req, { tenant: A, class: klass, member: m.id })).toBe(0)
    expect((await cast.inA.frontDesk.client.post(`/api/bookings/${booked.body.booking.id}/check-in`)).status).toBe(200)
    await deliver()
    expect(await completions(lesson, m.id)).toBe(1)
    expect(await events('lesson.completed', lesson, m.id)).toBe(1)
    expect(await events('course.completed', lesson, m.id)).toBe(1)
    const done = await m.client.get(`/api/lessons/${lesson}/view`)
    expect(done.body.live).toMatchObject({ checkedIn: true, booking: { status: 'checked_in' } })
  })

  it('a check-in completes nothing for a member not enrolled in the course', async () => {
    const klass = await liveClass()
    const { lesson } = await liveCourse(klass)
    const m = await signedInMember(A)
    const booked = await m.client.post(`/api/classes/${klass}/book`)
    expect(booked.status).toBe(201)
    expect((await cast.inA.frontDesk.client.post(`/api/bookings/${booked.body.booking.id}/check-in`)).status).toBe(200)
    await deliver()
    expect(await completions(lesson, m.id)).toBe(0)
  })

  it('teaching staff mark a live lesson done for a member; nobody else can', async () => {
    const klass = await liveClass()
    const { course, lesson } = await liveCourse(klass)
    const m = await signedInMember(A)
    const other = await signedInMember(A)
    expect((await m.client.post(`/api/courses/${course}/enrol`, {})).status).toBe(201)

    // a member cannot mark anyone (themselves included) through `member`
    const byMember = await other.client.post(`/api/lessons/${lesson}/complete`, { member: m.id })
    expect(byMember.status).toBe(403)
    expect((await m.client.post(`/api/lessons/${lesson}/complete`, { member: m.id })).status).toBe(403)
    // front desk staff are not graders; another business's owner gets nothing
    expect((await cast.inA.frontDesk.client.post(`/api/lessons/${lesson}/complete`, { member: m.id })).status).toBe(403)
    expect((await cast.inB.owner.client.post(`/api/lessons/${lesson}/complete`, { member: m.id })).status).toBe(403)
    expect(await completions(lesson, m.id)).toBe(0)

    const marked = await cast.inA.instructor.client.post(`/api/lessons/${lesson}/complete`, { member: m.id })
    expect(marked.status).toBe(200)
    expect(marked.body).toMatchObject({ lesson, completed: true, progressPct: 100, courseCompleted: true })
    const again = await cast.inA.instructor.client.post(`/api/lessons/${lesson}/complete`, { member: m.id })
    expect(again.body.completed).toBe(false)
    expect(await completions(lesson, m.id)).toBe(1)
    // a member not enrolled: 403 not_enrolled, nothing stored
    const notEnrolled = await cast.inA.instructor.client.post(`/api/lessons/${lesson}/complete`, { member: other.id })
    expect(notEnrolled.status).toBe(403)
    expect(notEnrolled.body.error).toBe('not_enrolled')
    expect(await completions(lesson, other.id)).toBe(0)
  })
})
