import { sql } from '@payloadcms/db-postgres'
import type { Plugin } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql, subscribe, verifyMediaToken } from '@/core'
import { createPerson, localReqAs, signIn, twoTenants, useTestApp, type HttpClient } from '@/core/testing'
import { tinyPng } from '@/core/testing/fixtureData'
import { mayAccess } from './operations/mayAccess'

/** Subscribes to the events whose count the tests check, so `emit` queues a job for each (the outbox). */
const probe = (): Plugin => (config) =>
  subscribe(
    config,
    { name: 'test.courseCompleted', event: 'course.completed', handler: async () => {} },
    { name: 'test.contentCompleted', event: 'content.completed', handler: async () => {} },
    { name: 'test.accessRevoked', event: 'access.revoked', handler: async () => {} },
  )

const app = useTestApp({ plugins: [probe()] })
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string
let media: string

const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)

const slug = () => `s-${Math.random().toString(36).slice(2, 10)}`

/** A signed-in member of tenant A (a fresh one per test, so enrolments do not mix). */
const memberOfA = async (): Promise<{ id: string; userId: string; client: HttpClient }> => {
  const { user, membership } = await createPerson(app.payload, { tenant: A, roles: ['member'] })
  return { id: String(membership!.id), userId: String(user.id), client: (await signIn(app, user.email)).client }
}

const contentItem = async (data: Record<string, unknown> = {}) =>
  app.payload.create({
    collection: 'content-items',
    data: {
      tenant: A,
      title: 'Item',
      slug: slug(),
      contentType: 'video',
      media,
      visibility: 'public',
      _status: 'published',
      ...data,
    },
  })

type LessonSpec = {
  title: string
  /** The lesson's media (default: the shared image). */
  media?: string
  isPreview?: boolean
  unlock?: { mode: 'none' | 'after_days' | 'on_date' | 'cohort_start'; days?: number; date?: string }
}

/** A published course of tenant A with one module and `lessons` (video lessons with media), in order. */
const course = async (lessons: LessonSpec[], data: Record<string, unknown> = {}) => {
  const c = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant: A, title: 'Course', slug: slug(), ...data },
  })
  const courseModule = await app.payload.create({
    collection: 'course-modules',
    data: { tenant: A, course: c.id, title: 'M1' },
  })
  const ids: string[] = []
  for (const spec of lessons) {
    const item = await contentItem({ visibility: 'private', media: spec.media ?? media })
    const lesson = await app.payload.create({
      collection: 'lessons',
      data: {
        tenant: A,
        module: courseModule.id,
        title: spec.title,
        itemType: 'video',
        content: item.id,
        isPreview: spec.isPreview ?? false,
        unlock: spec.unlock ?? { mode: 'none' },
      },
    })
    ids.push(String(lesson.id))
  }
  await app.payload.update({ collection: 'courses', id: c.id, data: { _status: 'published' } })
  return { id: String(c.id), lessons: ids }
}

const jobsOf = async (type: string, key: string, value: string) =>
  (
    await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE input->'event'->>'type' = ${type} AND input->'event'->'data'->>${key} = ${value} AND input->>'subscriber' LIKE 'test.%'`,
    )
  )[0].n

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

describe('lessons: unlock rules, enforced on the server', () => {
  it('answers 403 lesson_locked with why and no media for locked lessons, 200 with the media once open', async () => {
    const future = new Date(Date.now() + 10 * 86_400_000).toISOString()
    const c = await course(
      [
        { title: 'Welcome' },
        { title: 'Day three', unlock: { mode: 'after_days', days: 3 } },
        { title: 'Launch day', unlock: { mode: 'on_date', date: future } },
        { title: 'Cohort', unlock: { mode: 'cohort_start' } },
        { title: 'Preview', isPreview: true },
        { title: 'After welcome' },
      ],
      { cohortStartDate: future, cohortEndDate: new Date(Date.now() + 40 * 86_400_000).toISOString() },
    )
    const [welcome, dayThree, launch, cohort, preview, afterWelcome] = c.lessons
    const updated = await app.payload.update({
      collection: 'lessons',
      id: afterWelcome,
      data: { unlock: { mode: 'prerequisite', prerequisite: welcome } },
    })
    expect(updated.unlock?.mode).toBe('prerequisite')

    const m = await memberOfA()
    // Not enrolled yet: a non-preview lesson is refused, the preview opens.
    const before = await m.client.get(`/api/lessons/${welcome}/view`)
    expect(before.status).toBe(403)
    expect(before.body.error).toBe('not_enrolled')
    const enrol = await m.client.post(`/api/courses/${c.id}/enrol`, {})
    expect(enrol.status).toBe(201)
    expect((await m.client.post(`/api/courses/${c.id}/enrol`, {})).status).toBe(200)

    const open = await m.client.get(`/api/lessons/${welcome}/view`)
    expect(open.status).toBe(200)
    expect(open.body.content.media).toBe(media)
    expect(open.body.access).toMatchObject({ allowed: true, reason: 'free' })

    for (const [id, rule] of [
      [dayThree, 'after_days'],
      [launch, 'on_date'],
      [cohort, 'cohort_start'],
      [afterWelcome, 'prerequisite'],
    ]) {
      const locked = await m.client.get(`/api/lessons/${id}/view`)
      expect(locked.status, rule).toBe(403)
      expect(locked.body.error).toBe('lesson_locked')
      expect(locked.body.message).toContain(rule)
      expect(JSON.stringify(locked.body)).not.toContain(media)
      expect(Object.keys(locked.body).sort()).toEqual(['error', 'message'])
    }
    // Locked lessons cannot be completed either.
    expect((await m.client.post(`/api/lessons/${dayThree}/complete`, {})).status).toBe(403)

    // The prerequisite opens the lesson; three days after enrolment open the next.
    expect((await m.client.post(`/api/lessons/${welcome}/complete`, {})).status).toBe(200)
    expect((await m.client.get(`/api/lessons/${afterWelcome}/view`)).status).toBe(200)
    await q(sql`UPDATE course_enrollments SET enrolled_at = now() - interval '4 days' WHERE member_id = ${m.id}`)
    expect((await m.client.get(`/api/lessons/${dayThree}/view`)).status).toBe(200)

    // A visitor opens the preview lesson (with its media) and nothing else.
    const anon = cast.anonymous.client
    const pv = await anon.get(`/api/lessons/${preview}/view`)
    expect(pv.status).toBe(200)
    expect(pv.body.content.media).toBe(media)
    expect((await anon.get(`/api/lessons/${welcome}/view`)).status).toBe(401)

    // The progress endpoint shows each lesson's lock state.
    const progress = await m.client.get(`/api/courses/${c.id}/progress`)
    expect(progress.status).toBe(200)
    expect(progress.body.enrollment.progressPct).toBe(16) // ⌊1/6·100⌋
    const states = Object.fromEntries(
      progress.body.lessons.map((l: { id: string; access: { reason: string } }) => [l.id, l.access.reason]),
    )
    expect(states[cohort]).toBe('locked:cohort_start')
    expect(states[launch]).toBe('locked:on_date')
    expect(states[welcome]).toBe('free')
  })

  it('streams a transcoded lesson through a signed HLS URL for the member who opened it, and to no one else', async () => {
    const png = await tinyPng()
    const transcoded = await app.payload.create({
      collection: 'media',
      data: { tenant: A, alt: 'stream', visibility: 'private', hlsMasterPlaylistKey: `${A}/x/master.m3u8` },
      file: { data: png, mimetype: 'image/png', name: `v-${slug()}.png`, size: png.length },
    })
    const c = await course([
      { title: 'Streamed', media: String(transcoded.id) },
      { title: 'Later', unlock: { mode: 'after_days', days: 5 } },
    ])
    const m = await memberOfA()
    await m.client.post(`/api/courses/${c.id}/enrol`, {})
    const open = await m.client.get(`/api/lessons/${c.lessons[0]}/view`)
    expect(open.status).toBe(200)
    const url = new URL(open.body.content.playback.url, 'http://x')
    expect(url.pathname).toBe(`/api/media/${transcoded.id}/hls/master.m3u8`)
    const check = verifyMediaToken(url.searchParams.get('token'), { media: String(transcoded.id) })
    expect(check).toMatchObject({ ok: true, claims: { subject: m.userId, tenant: A } })
    const expiresIn = Date.parse(open.body.content.playback.expiresAt) - Date.now()
    expect(expiresIn).toBeGreaterThan(3.9 * 3600_000)
    expect(expiresIn).toBeLessThanOrEqual(4 * 3600_000)
    // A locked lesson and another tenant's member get no URL and no token.
    const locked = await m.client.get(`/api/lessons/${c.lessons[1]}/view`)
    expect(locked.status).toBe(403)
    expect(JSON.stringify(locked.body)).not.toContain('token')
    const other = await createPerson(app.payload, { tenant: String(cast.b.id), roles: ['member'] })
    const refused = await (await signIn(app, other.user.email)).client.get(`/api/lessons/${c.lessons[0]}/view`)
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.body)).not.toContain('token')
  })

  it('keeps a linear course in order: a lesson opens once the previous one is done', async () => {
    const c = await course([{ title: 'One' }, { title: 'Two' }, { title: 'Three' }], { navigation: 'linear' })
    const m = await memberOfA()
    await m.client.post(`/api/courses/${c.id}/enrol`, {})
    expect((await m.client.get(`/api/lessons/${c.lessons[0]}/view`)).status).toBe(200)
    const locked = await m.client.get(`/api/lessons/${c.lessons[1]}/view`)
    expect(locked.status).toBe(403)
    expect(locked.body.message).toContain('linear')
    await m.client.post(`/api/lessons/${c.lessons[0]}/complete`, {})
    expect((await m.client.get(`/api/lessons/${c.lessons[1]}/view`)).status).toBe(200)
    expect((await m.client.get(`/api/lessons/${c.lessons[2]}/view`)).status).toBe(403)
  })

  it("follows the order staff drag lessons into (Payload's reorder endpoint, tenant-checked)", async () => {
    const c = await course([{ title: 'One' }, { title: 'Two' }, { title: 'Three' }], { navigation: 'linear' })
    const [one, two, three] = c.lessons
    const [first] = await q<{ key: string }>(sql`SELECT _lessons_lessons_order AS key FROM lessons WHERE id = ${one}`)
    const move = (client: HttpClient) =>
      client.post('/api/reorder', {
        collectionSlug: 'lessons',
        orderableFieldName: '_lessons_lessons_order',
        docsToMove: [three],
        newKeyWillBe: 'less',
        target: { id: one, key: first.key },
      })
    expect((await move(cast.inB.owner.client)).status).toBe(403)
    expect((await move(cast.inA.member.client)).status).toBe(403)
    const moved = await move(cast.inA.owner.client)
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
    const m = await memberOfA()
    await m.client.post(`/api/courses/${c.id}/enrol`, {})
    const progress = await m.client.get(`/api/courses/${c.id}/progress`)
    expect(progress.body.lessons.map((l: { id: string }) => l.id)).toEqual([three, one, two])
    expect((await m.client.get(`/api/lessons/${three}/view`)).status).toBe(200)
    expect((await m.client.get(`/api/lessons/${one}/view`)).status).toBe(403)
  })

  it('rejects a prerequisite cycle on save with a 400', async () => {
    const c = await course([{ title: 'A' }, { title: 'B' }, { title: 'C' }])
    const [a, b, cc] = c.lessons
    const owner = cast.inA.owner.client
    expect((await owner.patch(`/api/lessons/${b}`, { unlock: { mode: 'prerequisite', prerequisite: a } })).status).toBe(
      200,
    )
    expect(
      (await owner.patch(`/api/lessons/${cc}`, { unlock: { mode: 'prerequisite', prerequisite: b } })).status,
    ).toBe(200)
    const cycle = await owner.patch(`/api/lessons/${a}`, { unlock: { mode: 'prerequisite', prerequisite: cc } })
    expect(cycle.status).toBe(400)
    expect(cycle.body.errors[0].message).toMatch(/cycle/)
    const self = await owner.patch(`/api/lessons/${a}`, { unlock: { mode: 'prerequisite', prerequisite: a } })
    expect(self.status).toBe(400)
    // A lesson's target must match its type.
    const written = await contentItem({ contentType: 'written', _status: 'draft' })
    const mismatch = await owner.patch(`/api/lessons/${a}`, { content: written.id })
    expect(mismatch.status).toBe(400)
    expect(mismatch.body.errors[0].message).toMatch(/video lesson plays a video content item/)
  })
})

describe('the access decision', () => {
  it('covers public, members_only, purchased, complimentary, expired, revoked, preview and other tenants', async () => {
    const m = await memberOfA()
    const req = await localReqAs(app.payload, m.userId)
    const visitorReq = await localReqAs(app.payload, cast.inB.member.userId!)
    const decide = (
      target: { collection: 'courses' | 'content-items' | 'lessons'; id: string },
      member?: string | null,
    ) => mayAccess(req, { member, target })

    const pub = await contentItem({ visibility: 'public' })
    const membersOnly = await contentItem({ visibility: 'members_only' })
    const sold = await contentItem({ visibility: 'purchased_only', price: { amount: 900, currency: 'USD' } })
    const privateItem = await contentItem({ visibility: 'private' })
    const draft = await contentItem({ visibility: 'public', _status: 'draft' })
    const item = (doc: { id: string | number }) => ({ collection: 'content-items' as const, id: String(doc.id) })

    expect(await decide(item(pub), null)).toMatchObject({ allowed: true, reason: 'public' })
    expect(await decide(item(pub))).toMatchObject({ allowed: true, reason: 'public' })
    expect(await decide(item(draft))).toMatchObject({ allowed: false, reason: 'not_found' })
    expect(await decide(item(privateItem))).toMatchObject({ allowed: false, reason: 'no_access' })
    expect(await decide(item(membersOnly), null)).toMatchObject({ allowed: false, reason: 'sign_in' })
    expect(await decide(item(membersOnly))).toMatchObject({ allowed: false, reason: 'no_access' })
    expect(await decide(item(sold))).toMatchObject({ allowed: false, reason: 'no_access' })
    // The catalog over REST shows items but never their media or body to members.
    const listed = await m.client.get(`/api/content-items/${pub.id}`)
    expect(listed.status).toBe(200)
    expect(listed.body.media).toBeUndefined()
    const syllabus = await m.client.get(`/api/lessons?depth=2&where[tenant][equals]=${A}&limit=5`)
    expect(syllabus.status).toBe(200)
    expect(JSON.stringify(syllabus.body)).not.toContain(media)
    // Another tenant's member never, even for public content.
    expect(await mayAccess(visitorReq, { target: item(pub) })).toMatchObject({ allowed: false, reason: 'other_tenant' })

    const grant = (data: {
      contentItem?: string
      course?: string
      accessType: 'purchased' | 'subscription' | 'complimentary'
      expiresAt?: string
    }) => app.payload.create({ collection: 'access-grants', data: { tenant: A, member: m.id, ...data } })
    await grant({
      contentItem: membersOnly.id,
      accessType: 'subscription',
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    })
    expect(await decide(item(membersOnly))).toMatchObject({ allowed: true, reason: 'grant:subscription' })
    const purchase = await grant({ contentItem: sold.id, accessType: 'purchased' })
    expect(await decide(item(sold))).toMatchObject({ allowed: true, reason: 'grant:purchased' })
    await grant({ contentItem: privateItem.id, accessType: 'complimentary' })
    expect(await decide(item(privateItem))).toMatchObject({ allowed: true, reason: 'grant:complimentary' })
    // Expired and revoked grants open nothing.
    await app.payload.update({
      collection: 'access-grants',
      id: purchase.id,
      data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    expect(await decide(item(sold))).toMatchObject({ allowed: false, reason: 'expired' })
    await q(sql`UPDATE access_grants SET expires_at = NULL, revoked_at = now() WHERE id = ${purchase.id}`)
    expect(await decide(item(sold))).toMatchObject({ allowed: false, reason: 'revoked' })

    // A paid course: its preview lesson opens, the rest needs a grant; the member of B never.
    const paid = await course([{ title: 'Trailer', isPreview: true }, { title: 'Lesson' }], {
      price: { amount: 5000, currency: 'USD' },
    })
    const lesson = (id: string) => ({ collection: 'lessons' as const, id })
    expect(await decide(lesson(paid.lessons[0]))).toMatchObject({ allowed: true, reason: 'preview' })
    expect(await decide(lesson(paid.lessons[1]))).toMatchObject({ allowed: false, reason: 'no_access' })
    expect(await decide({ collection: 'courses', id: paid.id })).toMatchObject({ allowed: false, reason: 'no_access' })
    expect(await mayAccess(visitorReq, { target: lesson(paid.lessons[0]) })).toMatchObject({ reason: 'other_tenant' })
    const refused = await m.client.post(`/api/courses/${paid.id}/enrol`, {})
    expect(refused.status).toBe(403)
    expect(refused.body.error).toBe('no_access')
    await grant({ course: paid.id, accessType: 'complimentary' })
    expect(await decide({ collection: 'courses', id: paid.id })).toMatchObject({ allowed: true })
    expect(await decide(lesson(paid.lessons[1]))).toMatchObject({ allowed: false, reason: 'not_enrolled' })
    expect((await m.client.post(`/api/courses/${paid.id}/enrol`, {})).status).toBe(201)
    expect(await decide(lesson(paid.lessons[1]))).toMatchObject({ allowed: true, reason: 'grant:complimentary' })
    // The member of B cannot enrol in A's course.
    expect((await cast.inB.member.client.post(`/api/courses/${paid.id}/enrol`, {})).status).toBe(403)
  })

  it('grants a course bought in a paid commerce order and revokes it on a full refund', async () => {
    const paid = await course([{ title: 'Paid lesson' }], { price: { amount: 5000, currency: 'USD' } })
    const m = await memberOfA()
    const owner = cast.inA.owner.client
    const product = await owner.post('/api/products', {
      tenant: A,
      name: 'The course',
      slug: slug(),
      kind: 'digital',
      price: { amount: 5000, currency: 'USD' },
      lms: { course: paid.id },
    })
    expect(product.status).toBe(201)
    // Content is sold to verified addresses only (commerce's purchase guard, see emailVerification.int.test.ts).
    await q(
      sql`UPDATE users SET email_verified_at = now() WHERE id = (SELECT user_id FROM tenant_memberships WHERE id = ${m.id})`,
    )
    const sale = await cast.inA.frontDesk.client.post('/api/orders/checkout', {
      tenant: A,
      member: m.id,
      lines: [{ product: product.body.doc.id, quantity: 1 }],
      payment: { provider: 'cash' },
    })
    expect(sale.status).toBe(201)
    const order = sale.body.order.id
    for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 200 })
    const [g] = await q<{ access_type: string; source_id: string }>(
      sql`SELECT access_type, source_id FROM access_grants WHERE member_id = ${m.id} AND course_id = ${paid.id}`,
    )
    expect(g).toMatchObject({ access_type: 'purchased', source_id: order })
    expect((await m.client.post(`/api/courses/${paid.id}/enrol`, {})).status).toBe(201)
    expect((await m.client.get(`/api/lessons/${paid.lessons[0]}/view`)).status).toBe(200)

    const refund = await cast.inA.frontDesk.client.post(`/api/orders/${order}/refund`, { reason: 'Changed mind' })
    expect(refund.status).toBe(200)
    expect(await jobsOf('access.revoked', 'member', m.id)).toBe(0) // delivered after commit, by the job
    for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 200 })
    const denied = await m.client.get(`/api/lessons/${paid.lessons[0]}/view`)
    expect(denied.status).toBe(403)
    expect(denied.body.error).toBe('revoked')
  })
})

describe('completion', () => {
  it('20 concurrent completions of the last lessons emit course.completed once', async () => {
    const c = await course(Array.from({ length: 22 }, (_, i) => ({ title: `L${i + 1}` })))
    const m = await memberOfA()
    await m.client.post(`/api/courses/${c.id}/enrol`, {})
    for (const id of c.lessons.slice(0, 2))
      expect((await m.client.post(`/api/lessons/${id}/complete`, {})).status).toBe(200)
    const results = await Promise.all(c.lessons.slice(2).map((id) => m.client.post(`/api/lessons/${id}/complete`, {})))
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200))
    expect(results.filter((r) => r.body.courseCompleted && r.body.progressPct === 100).length).toBeGreaterThan(0)
    const [row] = await q<{ status: string; progress_pct: string; completed_at: Date | null; done: number }>(
      sql`SELECT e.status, e.progress_pct, e.completed_at,
                 (SELECT count(*)::int FROM lesson_completions c WHERE c.member_id = e.member_id AND c.course_id = e.course_id) AS done
          FROM course_enrollments e WHERE e.member_id = ${m.id} AND e.course_id = ${c.id}`,
    )
    expect(row).toMatchObject({ status: 'completed', done: 22 })
    expect(Number(row.progress_pct)).toBe(100)
    expect(await jobsOf('course.completed', 'course', c.id)).toBe(1)
    // Completing again changes nothing and emits nothing.
    const again = await m.client.post(`/api/lessons/${c.lessons[0]}/complete`, {})
    expect(again.body).toMatchObject({ completed: false, progressPct: 100, courseCompleted: true })
    expect(await jobsOf('course.completed', 'course', c.id)).toBe(1)
  })

  it('upserts the playback position; completed flips at 95 % once, never reverts, and completes the lesson', async () => {
    const c = await course([{ title: 'Watch' }, { title: 'Next' }])
    const m = await memberOfA()
    await m.client.post(`/api/courses/${c.id}/enrol`, {})
    const put = (body: unknown) => m.client.request('PATCH', `/api/lessons/${c.lessons[0]}/position`, body)
    const first = await put({ positionSeconds: 30, durationSeconds: 100 })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ completed: false, lesson: null })
    const content = first.body.content as string
    const watched = await put({ positionSeconds: 95, durationSeconds: 100 })
    expect(watched.body).toMatchObject({ completed: true, lesson: { completed: true, progressPct: 50 } })
    const back = await put({ positionSeconds: 5, durationSeconds: 100 })
    expect(back.body.completed).toBe(true)
    await put({ positionSeconds: 99, durationSeconds: 100 })
    const rows = await q<{ position_seconds: string; completed: boolean }>(
      sql`SELECT position_seconds, completed FROM playback_positions WHERE member_id = ${m.id} AND content_id = ${content}`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0].completed).toBe(true)
    expect(Number(rows[0].position_seconds)).toBe(99)
    expect(await jobsOf('content.completed', 'content', content)).toBe(1)
    const bad = await put({ positionSeconds: 120, durationSeconds: 100 })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('invalid_input')
    // The locked-out: a member of B cannot save a position in A's lesson.
    const other = await cast.inB.member.client.request('PATCH', `/api/lessons/${c.lessons[0]}/position`, {
      positionSeconds: 1,
      durationSeconds: 100,
    })
    expect(other.status).toBe(403)
  })
})
