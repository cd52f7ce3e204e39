import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createPerson, localReqAs, signIn, twoTenants, useTestApp, type HttpClient } from '@/core/testing'
import { tinyPng } from '@/core/testing/fixtureData'
import { mayAccess } from './operations/mayAccess'

/**
 * The access sources beyond purchases, each through the one decision (`mayAccess`) that the site,
 * the API (`GET /api/content-items/:id/view`, `GET /api/lessons/:id/view`, enrol) and media
 * delivery (the signed playback URL is only handed out by those views) use: a subscription plan's
 * content rules (billing events), an event portal window (bookings events) and grant expiry.
 */
const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string
let media: string

const DAY = 86_400_000
const q = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  runSql<T>({ payload: app.payload, transactionID: undefined }, query)
const slug = () => `s-${Math.random().toString(36).slice(2, 10)}`
/** Delivers the queued events (the subscribers run as jobs after commit). */
const deliver = async () => {
  for (let i = 0; i < 3; i++) await app.payload.jobs.run({ limit: 200 })
}

const memberOfA = async (): Promise<{ id: string; userId: string; client: HttpClient }> => {
  const { user, membership } = await createPerson(app.payload, { tenant: A, roles: ['member'] })
  return { id: String(membership!.id), userId: String(user.id), client: (await signIn(app, user.email)).client }
}

const item = async (data: Record<string, unknown>) =>
  String(
    (
      await app.payload.create({
        collection: 'content-items',
        data: {
          tenant: A,
          title: 'Item',
          slug: slug(),
          contentType: 'video',
          media,
          visibility: 'members_only',
          _status: 'published',
          ...data,
        },
      })
    ).id,
  )

/** A published paid course of tenant A with one lesson. */
const paidCourse = async () => {
  const c = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant: A, title: 'Paid course', slug: slug(), price: { amount: 4900, currency: 'USD' } },
  })
  const m = await app.payload.create({ collection: 'course-modules', data: { tenant: A, course: c.id, title: 'M' } })
  const content = await item({ visibility: 'private' })
  const lesson = await app.payload.create({
    collection: 'lessons',
    data: { tenant: A, module: m.id, title: 'L1', itemType: 'video', content, unlock: { mode: 'none' } },
  })
  await app.payload.update({ collection: 'courses', id: c.id, data: { _status: 'published' } })
  return { id: String(c.id), lesson: String(lesson.id) }
}

/** The member's view of a library item: status, error code and whether any media came back. */
const viewItem = async (client: HttpClient, id: string) => {
  const res = await client.get(`/api/content-items/${id}/view`)
  return { status: res.status, error: res.body.error, media: res.body.media ?? null, body: res.body }
}

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
  const png = await tinyPng()
  media = String(
    (
      await app.payload.create({
        collection: 'media',
        data: { tenant: A, alt: 'library media', visibility: 'private' },
        file: { data: png, mimetype: 'image/png', name: `m-${slug()}.png`, size: png.length },
      })
    ).id,
  )
})

describe('a subscription plan’s content rules', () => {
  it('opens the plan’s categories and courses while the subscription is active, until the period end when cancelled', async () => {
    const mobility = await item({ category: 'mobility' })
    const strength = await item({ category: 'strength' })
    const soldAlone = await item({ visibility: 'purchased_only', price: { amount: 900, currency: 'USD' } })
    const course = await paidCourse()
    const plan = await cast.inA.owner.client.post('/api/membership-plans', {
      tenant: A,
      name: `Library ${slug()}`,
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 1900, currency: 'USD', active: true }],
      lms: { categories: ['mobility'], courses: [course.id], contentItems: [soldAlone] },
    })
    expect(plan.status).toBe(201)
    expect(plan.body.doc.lms.categories).toEqual(['mobility'])
    expect((plan.body.doc.lms.courses as { id: string }[]).map((c) => c.id)).toEqual([course.id])

    const m = await memberOfA()
    expect(await viewItem(m.client, mobility)).toMatchObject({ status: 403, error: 'no_access', media: null })
    expect((await m.client.post(`/api/courses/${course.id}/enrol`, {})).body.error).toBe('no_access')

    const started = await cast.inA.frontDesk.client.post('/api/subscriptions/manual', {
      tenant: A,
      member: m.id,
      plan: plan.body.doc.id,
      priceKey: 'monthly',
      payment: { provider: 'cash' },
    })
    expect(started.status).toBe(201)
    const sub = started.body.subscription as { id: string; currentPeriodEnd: string }
    // Learnt through billing's event, delivered after the commit.
    expect((await viewItem(m.client, mobility)).status).toBe(403)
    await deliver()
    const open = await viewItem(m.client, mobility)
    expect(open).toMatchObject({ status: 200, media })
    expect(open.body.access).toMatchObject({ allowed: true, reason: 'subscription' })
    // Another category is not in the plan; an item the plan lists opens even though it is sold alone.
    expect(await viewItem(m.client, strength)).toMatchObject({ status: 403, error: 'no_access', media: null })
    expect((await viewItem(m.client, soldAlone)).status).toBe(200)
    // The listed paid course: enrol and open its lesson.
    expect((await m.client.post(`/api/courses/${course.id}/enrol`, {})).status).toBe(201)
    const lesson = await m.client.get(`/api/lessons/${course.lesson}/view`)
    expect(lesson.status).toBe(200)
    expect(lesson.body.access.reason).toBe('subscription')
    // The Local API agrees (the same decision).
    const req = await localReqAs(app.payload, m.userId)
    expect(await mayAccess(req, { target: { collection: 'content-items', id: mobility } })).toMatchObject({
      allowed: true,
      reason: 'subscription',
    })

    // Cancelled at period end: access stays until the period ends.
    const cancel = await m.client.post(`/api/subscriptions/${sub.id}/cancel`, { atPeriodEnd: true })
    expect(cancel.status).toBe(200)
    await deliver()
    const [mirror] = await q<{ status: string; entitled: boolean; access_until: Date }>(
      sql`SELECT status, entitled, access_until FROM content_subscriptions WHERE subscription = ${sub.id}`,
    )
    expect(mirror.entitled).toBe(true)
    expect(new Date(mirror.access_until).toISOString()).toBe(new Date(sub.currentPeriodEnd).toISOString())
    expect((await viewItem(m.client, mobility)).status).toBe(200)
    // The period end passes (the clock moves past it): everything the plan opened closes.
    await q(
      sql`UPDATE content_subscriptions SET access_until = now() - interval '1 second' WHERE subscription = ${sub.id}`,
    )
    expect(await viewItem(m.client, mobility)).toMatchObject({ status: 403, error: 'no_access', media: null })
    expect((await m.client.get(`/api/lessons/${course.lesson}/view`)).body.error).toBe('no_access')
    expect(await mayAccess(req, { target: { collection: 'courses', id: course.id } })).toMatchObject({
      allowed: false,
    })
  })

  it('a subscription cancelled now, or paused, opens nothing; a full-catalog plan opens every members-only item', async () => {
    const any = await item({ category: 'whatever' })
    const plan = await cast.inA.owner.client.post('/api/membership-plans', {
      tenant: A,
      name: `All ${slug()}`,
      prices: [{ key: 'monthly', interval: 'month', intervalCount: 1, amount: 2900, currency: 'USD', active: true }],
      lms: { fullCatalog: true },
    })
    expect(plan.status).toBe(201)
    const m = await memberOfA()
    const started = await cast.inA.frontDesk.client.post('/api/subscriptions/manual', {
      tenant: A,
      member: m.id,
      plan: plan.body.doc.id,
      priceKey: 'monthly',
      payment: { provider: 'cash' },
    })
    expect(started.status).toBe(201)
    await deliver()
    expect((await viewItem(m.client, any)).status).toBe(200)
    // A purchased-only item is not part of "the catalog" (it is sold alone).
    const sold = await item({ visibility: 'purchased_only', price: { amount: 500, currency: 'USD' } })
    expect((await viewItem(m.client, sold)).error).toBe('no_access')

    const paused = await cast.inA.frontDesk.client.post(`/api/subscriptions/${started.body.subscription.id}/pause`, {})
    expect(paused.status).toBe(200)
    await deliver()
    expect((await viewItem(m.client, any)).error).toBe('no_access')
    expect(
      (await cast.inA.frontDesk.client.post(`/api/subscriptions/${started.body.subscription.id}/resume`, {})).status,
    ).toBe(200)
    await deliver()
    expect((await viewItem(m.client, any)).status).toBe(200)

    const ended = await cast.inA.frontDesk.client.post(`/api/subscriptions/${started.body.subscription.id}/cancel`, {
      atPeriodEnd: false,
    })
    expect(ended.status).toBe(200)
    await deliver()
    expect(await viewItem(m.client, any)).toMatchObject({ status: 403, error: 'no_access', media: null })
    // A member of another tenant never opens it.
    expect((await viewItem(cast.inB.member.client, any)).status).toBe(403)
  })
})

describe('an event portal window', () => {
  const event = async (
    inDays: number,
    portal: { accessBeforeDays?: number; accessAfterDays?: number; courses?: string[]; contentItems?: string[] },
  ) =>
    app.payload.create({
      collection: 'events',
      data: {
        tenant: A,
        title: 'Retreat',
        kind: 'one_time_event',
        status: 'published',
        startTime: new Date(Date.now() + inDays * DAY).toISOString(),
        endTime: new Date(Date.now() + inDays * DAY + 3 * 3_600_000).toISOString(),
        capacity: 10,
        lmsPortal: portal,
      },
    })

  it('an RSVP opens the portal from accessBeforeDays before the start to accessAfterDays after the end; cancelling revokes', async () => {
    const guide = await item({ category: 'retreat' })
    const course = await paidCourse()
    const soon = await event(1, {
      accessBeforeDays: 2,
      accessAfterDays: 1,
      courses: [course.id],
      contentItems: [guide],
    })
    const m = await memberOfA()
    expect((await viewItem(m.client, guide)).error).toBe('no_access')
    const rsvp = await m.client.post(`/api/events/${soon.id}/rsvp`, {})
    expect(rsvp.status).toBe(201)
    await deliver()
    const open = await viewItem(m.client, guide)
    expect(open).toMatchObject({ status: 200, media })
    expect(open.body.access.reason).toBe('grant:booking')
    expect((await m.client.post(`/api/courses/${course.id}/enrol`, {})).status).toBe(201)
    expect((await m.client.get(`/api/lessons/${course.lesson}/view`)).status).toBe(200)
    const [g] = await q<{ available_from: Date; expires_at: Date; source_collection: string }>(
      sql`SELECT available_from, expires_at, source_collection FROM access_grants WHERE member_id = ${m.id} AND content_item_id = ${guide}`,
    )
    expect(g.source_collection).toBe('event-rsvps')
    expect(new Date(g.available_from).getTime()).toBe(new Date(soon.startTime).getTime() - 2 * DAY)
    expect(new Date(g.expires_at).getTime()).toBe(new Date(soon.endTime).getTime() + DAY)
    // A redelivered event changes nothing (one grant per member and resource).
    await deliver()
    const [n] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM access_grants WHERE member_id = ${m.id} AND source_collection = 'event-rsvps'`,
    )
    expect(n.n).toBe(2)

    // After the window (the clock passes end + accessAfterDays): expired, no media.
    await q(
      sql`UPDATE access_grants SET expires_at = now() - interval '1 second' WHERE member_id = ${m.id} AND content_item_id = ${guide}`,
    )
    expect(await viewItem(m.client, guide)).toMatchObject({ status: 403, error: 'expired', media: null })
    await q(
      sql`UPDATE access_grants SET expires_at = now() + interval '1 day' WHERE member_id = ${m.id} AND content_item_id = ${guide}`,
    )

    // Cancelling the RSVP revokes both grants.
    const cancelled = await m.client.post(`/api/event-rsvps/${rsvp.body.rsvp.id}/cancel`, {})
    expect(cancelled.status).toBe(200)
    await deliver()
    expect(await viewItem(m.client, guide)).toMatchObject({ status: 403, error: 'revoked', media: null })
    expect((await m.client.get(`/api/lessons/${course.lesson}/view`)).body.error).toBe('revoked')
  })

  it('before the window opens: 403 not_yet naming when; a cancelled event revokes; a purchase is never overwritten', async () => {
    const notes = await item({ category: 'retreat' })
    const owned = await item({ visibility: 'purchased_only', price: { amount: 500, currency: 'USD' } })
    const later = await event(10, { accessBeforeDays: 3, accessAfterDays: 0, contentItems: [notes, owned] })
    const m = await memberOfA()
    // The member already owns one resource for ever (complimentary).
    await app.payload.create({
      collection: 'access-grants',
      data: { tenant: A, member: m.id, contentItem: owned, accessType: 'complimentary' },
    })
    expect((await m.client.post(`/api/events/${later.id}/rsvp`, {})).status).toBe(201)
    await deliver()
    const early = await viewItem(m.client, notes)
    const opensAt = new Date(new Date(later.startTime).getTime() - 3 * DAY).toISOString()
    expect(early).toMatchObject({ status: 403, error: 'not_yet', media: null })
    expect(early.body.message).toContain(opensAt)
    const req = await localReqAs(app.payload, m.userId)
    expect(await mayAccess(req, { target: { collection: 'content-items', id: notes } })).toMatchObject({
      allowed: false,
      reason: 'not_yet',
      unlocksAt: opensAt,
    })
    expect((await viewItem(m.client, owned)).body.access.reason).toBe('grant:complimentary')

    // The event is cancelled: each RSVP is cancelled and its portal grant revoked; the owned item stays.
    expect((await cast.inA.owner.client.post(`/api/events/${later.id}/cancel`, { reason: 'storm' })).status).toBe(200)
    await deliver()
    expect((await viewItem(m.client, notes)).error).toBe('revoked')
    expect((await viewItem(m.client, owned)).status).toBe(200)
  })
})

describe('grant expiry', () => {
  it('an expired grant or one not open yet refuses the item, the course and its lessons, with no media', async () => {
    const course = await paidCourse()
    const thing = await item({ visibility: 'purchased_only', price: { amount: 500, currency: 'USD' } })
    const m = await memberOfA()
    const courseGrant = await app.payload.create({
      collection: 'access-grants',
      data: { tenant: A, member: m.id, course: course.id, accessType: 'complimentary' },
    })
    const itemGrant = await app.payload.create({
      collection: 'access-grants',
      data: {
        tenant: A,
        member: m.id,
        contentItem: thing,
        accessType: 'purchased',
        expiresAt: new Date(Date.now() + DAY).toISOString(),
      },
    })
    expect((await m.client.post(`/api/courses/${course.id}/enrol`, {})).status).toBe(201)
    expect((await m.client.get(`/api/lessons/${course.lesson}/view`)).status).toBe(200)
    expect((await viewItem(m.client, thing)).status).toBe(200)

    const past = new Date(Date.now() - 1000).toISOString()
    await app.payload.update({ collection: 'access-grants', id: courseGrant.id, data: { expiresAt: past } })
    await app.payload.update({ collection: 'access-grants', id: itemGrant.id, data: { expiresAt: past } })
    const lesson = await m.client.get(`/api/lessons/${course.lesson}/view`)
    expect(lesson.status).toBe(403)
    expect(lesson.body).toMatchObject({ error: 'expired' })
    expect(lesson.body.content).toBeUndefined()
    expect(await viewItem(m.client, thing)).toMatchObject({ status: 403, error: 'expired', media: null })
    const outline = await m.client.get(`/api/courses/${course.id}/outline`)
    expect(outline.body.access).toMatchObject({ allowed: false, reason: 'expired' })

    // Not open yet.
    const from = new Date(Date.now() + 2 * DAY).toISOString()
    await app.payload.update({
      collection: 'access-grants',
      id: itemGrant.id,
      data: { expiresAt: null, availableFrom: from },
    })
    expect(await viewItem(m.client, thing)).toMatchObject({ status: 403, error: 'not_yet', media: null })
    // A visitor: sign in; public items open for anyone.
    expect((await viewItem(app.http(), thing)).status).toBe(401)
    const free = await item({ visibility: 'public' })
    expect((await viewItem(app.http(), free)).status).toBe(200)
  })
})
