import { describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, type DomainEvent } from '@/core'
import type { Automation } from '@/payload-types'
import { marketingTestKit } from './marketingTestKit'
import { useTestApp } from '@/core/testing'
import { handleTriggerEvent } from './operations/automations/handleTriggerEvent'
import { sendAutomationStep } from './operations/messaging/sendAutomationStep'
import { logSmsAdapter } from './channels/sms/logSmsAdapter'

const app = useTestApp()
const kit = () => marketingTestKit(app.payload)
const rules = { quietHours: { start: '00:00', end: '00:00' }, frequencyCap: 50, smsAdapter: logSmsAdapter() }

const moreAutomation = (
  tenant: string,
  triggerEvent: Automation['triggerEvent'],
  extra: { triggerThreshold?: number; delayMinutes?: number } = {},
) =>
  app.payload.create({
    collection: 'automations',
    data: {
      tenant,
      name: `more ${triggerEvent} ${extra.triggerThreshold ?? ''}`,
      triggerEvent,
      purpose: 'transactional',
      status: 'active',
      cooldownDays: 0,
      triggerThreshold: extra.triggerThreshold,
      steps: [{ delayMinutes: extra.delayMinutes ?? 0, channel: 'in_app', subject: 'Hello', body: 'Hi {{firstName}}' }],
    },
  })

const enrolmentRows = (automation: string) =>
  kit().q<{ id: string; member_id: string; occurrence_key: string; status: string; result: string | null }>(
    sql`SELECT id, member_id, occurrence_key, status::text, result FROM automation_logs WHERE automation_id = ${automation} ORDER BY created_at`,
  )

describe('Nth visit (visit.milestone)', () => {
  it('enrols at the Nth check-in only, once per (member, automation, N), with concurrent check-ins and redeliveries', async () => {
    const { q, studio, member, runJobs } = kit()
    const tenant = await studio()
    const tenth = await moreAutomation(tenant, 'visit.milestone', { triggerThreshold: 10 })
    const eleventh = await moreAutomation(tenant, 'visit.milestone', { triggerThreshold: 11 })
    const fiftieth = await moreAutomation(tenant, 'visit.milestone', { triggerThreshold: 50 })
    const first = await moreAutomation(tenant, 'booking.checked_in') // "First visit" still works alongside
    const m = await member(tenant)
    const newClass = async () =>
      (
        await q<{ id: string }>(
          sql`INSERT INTO classes (tenant_id, title, start_time) VALUES (${tenant}, 'Milestone class', now()) RETURNING id`,
        )
      )[0]
    const cls = await newClass()
    const checkIn = async (minutesAgo: number) => {
      const own = await newClass()
      const [b] = await q<{ id: string }>(
        sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, checked_in_at, created_at, updated_at)
            VALUES (${tenant}, ${own.id}, ${m.id}, 'checked_in', now() - make_interval(mins => ${minutesAgo}::int), now(), now())
            RETURNING id`,
      )
      return String(b.id)
    }
    // Nine earlier visits (their events long handled), then the 10th and 11th at the same moment.
    for (let i = 0; i < 9; i++) await checkIn(600 - i)
    const b10 = await checkIn(2)
    const b11 = await checkIn(1)
    const event = (booking: string): DomainEvent<unknown> => ({
      id: crypto.randomUUID(),
      type: 'booking.checked_in',
      version: 1,
      actor: null,
      tenant,
      subject: { collection: 'bookings', id: booking },
      occurredAt: new Date().toISOString(),
      data: { class: String(cls.id), member: m.id },
    })
    const hit = { member: m.id, occurrenceKey: 'visits', facts: {}, trigger: 'visit.milestone' }
    const e10 = event(b10)
    // Both check-ins handled concurrently, each twice (a redelivery racing the first delivery).
    await Promise.all(
      [e10, event(b11), e10, event(b11)].map(async (e) =>
        handleTriggerEvent(await createLocalReq({}, app.payload), e, hit),
      ),
    )
    const rows10 = await enrolmentRows(String(tenth.id))
    expect(rows10.map((r) => r.occurrence_key)).toEqual(['visits:10'])
    expect((await enrolmentRows(String(eleventh.id))).map((r) => r.occurrence_key)).toEqual(['visits:11'])
    expect(await enrolmentRows(String(fiftieth.id))).toHaveLength(0)

    // Through the real event path: a 12th check-in reaches nobody's N; "First visit" enrols once.
    const req = await createLocalReq({}, app.payload)
    await emit(req, {
      type: 'booking.checked_in',
      tenant,
      subject: { collection: 'bookings', id: await checkIn(0) },
      data: { class: String(cls.id), member: m.id },
    })
    await runJobs()
    expect(await enrolmentRows(String(tenth.id))).toHaveLength(1)
    expect(await enrolmentRows(String(eleventh.id))).toHaveLength(1)
    expect(await enrolmentRows(String(first.id))).toHaveLength(1)
    // The 10th visit's enrolment was sent (in-app), and its facts carry the count.
    const [facts] = await q<{ visits: number }>(
      sql`SELECT (metadata->'facts'->>'visits')::int AS visits FROM automation_logs WHERE id = ${rows10[0].id}`,
    )
    expect(facts.visits).toBe(10)
    const [note] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications WHERE member_id = ${m.id}`)
    expect(note.n).toBeGreaterThanOrEqual(2)
  })

  it('refuses an Nth visit automation without N (400 naming the field)', async () => {
    const tenant = await kit().studio()
    const refused = (threshold?: number) =>
      moreAutomation(tenant, 'visit.milestone', { triggerThreshold: threshold }).then(
        () => 'created',
        (e: { status?: number; data?: unknown }) => `${e.status} ${JSON.stringify(e.data)}`,
      )
    expect(await refused()).toMatch(/^400 .*Nth visit/)
    expect(await refused(0)).toMatch(/^400 .*Nth visit/)
    expect(await refused(10)).toBe('created')
  })
})

describe('abandoned checkout (order.abandoned)', () => {
  it('enrols once per expired order; the step stops when the order was paid or the member bought since', async () => {
    const { q, studio, member, runJobs } = kit()
    const tenant = await studio()
    const automation = await moreAutomation(tenant, 'order.abandoned', { delayMinutes: 60 })
    let n = 0
    const order = async (m: string, status: string, minutesAgo: number, purchased = false) => {
      const [o] = await q<{ id: string; number: string }>(
        sql`INSERT INTO orders (tenant_id, number, member_id, status, purchased_at, created_at, updated_at)
            VALUES (${tenant}, ${`AC-${tenant.slice(0, 6)}-${n++}`}, ${m}, ${status},
                    ${purchased ? sql`now() - make_interval(mins => ${minutesAgo}::int)` : sql`NULL`},
                    now() - make_interval(mins => ${minutesAgo}::int), now())
            RETURNING id, number`,
      )
      return { id: String(o.id), number: o.number }
    }
    const req = await createLocalReq({}, app.payload)
    const release = (m: string, o: { id: string; number: string }, reason: 'expired' | 'canceled') =>
      emit(req, {
        type: 'order.canceled',
        tenant,
        subject: { collection: 'orders', id: o.id },
        data: {
          order: o.id,
          number: o.number,
          status: 'canceled',
          reason,
          restocked: true,
          couponUsesReleased: 0,
          giftCardReleased: 0,
          member: m,
        },
      })
    const [stays, buysAgain, paysLate, cancels] = [
      await member(tenant),
      await member(tenant),
      await member(tenant),
      await member(tenant),
    ]
    const o1 = await order(stays.id, 'canceled', 120)
    const o2 = await order(buysAgain.id, 'canceled', 120)
    const o3 = await order(paysLate.id, 'canceled', 120)
    const o4 = await order(cancels.id, 'canceled', 120)
    await release(stays.id, o1, 'expired')
    await release(stays.id, o1, 'expired') // the same order twice (Stripe's expiry and the job): one enrolment
    await release(buysAgain.id, o2, 'expired')
    await release(paysLate.id, o3, 'expired')
    await release(cancels.id, o4, 'canceled') // the desk's cancel is not an abandoned checkout
    await runJobs()
    const rows = await enrolmentRows(String(automation.id))
    expect(rows.map((r) => [r.member_id, r.occurrence_key]).sort()).toEqual(
      [
        [stays.id, `order:${o1.id}`],
        [buysAgain.id, `order:${o2.id}`],
        [paysLate.id, `order:${o3.id}`],
      ].sort(),
    )
    // Before the step comes due (60 min): one member buys something else, another's order is paid after all.
    await order(buysAgain.id, 'paid', 10, true)
    await q(sql`UPDATE orders SET status = 'paid', purchased_at = now() WHERE id = ${o3.id}`)
    const run = async (m: string) => {
      const log = rows.find((r) => r.member_id === m)!
      return sendAutomationStep(await createLocalReq({}, app.payload), { automationLog: log.id, step: 0 }, rules)
    }
    expect(await run(stays.id)).toMatchObject({ status: 'sent' })
    expect(await run(buysAgain.id)).toEqual({ status: 'stopped', reason: 'ordered_since' })
    expect(await run(paysLate.id)).toEqual({ status: 'stopped', reason: 'order_paid' })
    const after = await enrolmentRows(String(automation.id))
    expect(after.find((r) => r.member_id === buysAgain.id)).toMatchObject({
      status: 'skipped',
      result: 'ordered_since',
    })
    expect(after.find((r) => r.member_id === paysLate.id)).toMatchObject({ status: 'skipped', result: 'order_paid' })
  })
})

describe('message.opened / message.clicked', () => {
  it('emit once per message on the first open and the first click, racing hits included (webhooks see them)', async () => {
    const { q, studio, member, runJobs, messageLogs, mailTo } = kit()
    const tenant = await studio()
    await app.payload.create({
      collection: 'automations',
      data: {
        tenant,
        name: 'Tracked welcome',
        triggerEvent: 'member.created',
        purpose: 'marketing',
        status: 'active',
        cooldownDays: 0,
        steps: [{ delayMinutes: 0, channel: 'email', subject: 'Welcome', body: 'Book: https://studio.example.test/a' }],
      },
    })
    const hit = (url: string) => {
      const u = new URL(url.replace(/&amp;/g, '&'))
      return fetch(`${app.baseUrl}${u.pathname}${u.search}`, { redirect: 'manual' })
    }
    const events = async (log: string) =>
      q<{ type: string; n: number; url: string | null; step: number | null }>(
        sql`SELECT input->'event'->>'type' AS type, count(DISTINCT input->'event'->>'id')::int AS n,
                   max(input->'event'->'data'->>'url') AS url, max((input->'event'->'data'->>'step')::int) AS step
            FROM payload_jobs WHERE input->'event'->'subject'->>'id' = ${log}
              AND input->'event'->>'type' IN ('message.opened', 'message.clicked')
            GROUP BY 1 ORDER BY 1`,
      )
    // One reads with images on (pixel, then clicks); the other blocks images and only clicks.
    const reader = await member(tenant, { consents: ['email_marketing'] })
    const clicker = await member(tenant, { consents: ['email_marketing'] })
    await runJobs()
    const mailOf = async (email: string) => (await mailTo(email))[0].html ?? ''
    const pixelOf = (html: string) => /<img src="([^"]+open\.gif[^"]+)"/.exec(html)![1]
    const linkOf = (html: string) => /<a href="([^"]+\/click\?[^"]+)">/.exec(html)![1]
    const readerHtml = await mailOf(reader.email)
    await Promise.all([hit(pixelOf(readerHtml)), hit(pixelOf(readerHtml)), hit(pixelOf(readerHtml))])
    await Promise.all([hit(linkOf(readerHtml)), hit(linkOf(readerHtml))])
    const clickerHtml = await mailOf(clicker.email)
    const clicks = await Promise.all([hit(linkOf(clickerHtml)), hit(linkOf(clickerHtml))])
    expect(clicks.map((r) => r.status)).toEqual([302, 302])
    const [readerLog] = await messageLogs(reader.id)
    const [clickerLog] = await messageLogs(clicker.id)
    const expected = [
      { type: 'message.clicked', n: 1, url: 'https://studio.example.test/a', step: 0 },
      { type: 'message.opened', n: 1, url: null, step: 0 },
    ]
    expect(await events(readerLog.id)).toEqual(expected)
    expect(await events(clickerLog.id)).toEqual(expected) // the click implies the open
  })
})

describe('No-show (class) (booking.no_show)', () => {
  it('enrols each member the completion job marks no-show, once, and not those who came', async () => {
    const { q, studio, member, runJobs } = kit()
    const tenant = await studio()
    const noShow = await moreAutomation(tenant, 'booking.no_show')
    const [absent, present] = [await member(tenant), await member(tenant)]
    const [cls] = await q<{ id: string }>(
      sql`INSERT INTO classes (tenant_id, title, start_time, end_time, status)
          VALUES (${tenant}, 'Ended class', now() - interval '2 hours', now() - interval '1 hour', 'scheduled') RETURNING id`,
    )
    await q(
      sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, checked_in_at, created_at, updated_at)
          VALUES (${tenant}, ${cls.id}, ${absent.id}, 'confirmed', NULL, now(), now()),
                 (${tenant}, ${cls.id}, ${present.id}, 'checked_in', now() - interval '90 minutes', now(), now())`,
    )
    for (let run = 0; run < 2; run++) {
      await app.payload.jobs.queue({ task: 'completeClasses', input: {} })
      await runJobs()
    }
    const [booking] = await q<{ status: string }>(
      sql`SELECT status::text FROM bookings WHERE class_id = ${cls.id} AND member_id = ${absent.id}`,
    )
    expect(booking.status).toBe('no_show')
    const rows = await enrolmentRows(String(noShow.id))
    expect(rows.map((r) => r.member_id)).toEqual([absent.id])
  })
})

describe('Abandoned booking (booking.offer_expired)', () => {
  it('enrols members whose waitlist offer lapsed unclaimed, once, and stops for one who booked the class again', async () => {
    const { q, studio, member, runJobs } = kit()
    const tenant = await studio()
    const abandoned = await moreAutomation(tenant, 'booking.abandoned', { delayMinutes: 60 })
    const [lapses, rebooks, waiting] = [await member(tenant), await member(tenant), await member(tenant)]
    const [cls] = await q<{ id: string }>(
      sql`INSERT INTO classes (tenant_id, title, start_time, end_time, status, capacity, booked_count, waitlist_count)
          VALUES (${tenant}, 'Full class', now() + interval '1 day', now() + interval '1 day 1 hour', 'scheduled', 2, 2, 1)
          RETURNING id`,
    )
    await q(
      sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, offer_expires_at, created_at, updated_at)
          VALUES (${tenant}, ${cls.id}, ${lapses.id}, 'offered', now() - interval '1 minute', now(), now()),
                 (${tenant}, ${cls.id}, ${rebooks.id}, 'offered', now() - interval '1 minute', now(), now())`,
    )
    await q(
      sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, waitlist_position, created_at, updated_at)
          VALUES (${tenant}, ${cls.id}, ${waiting.id}, 'waitlisted', 1, now(), now())`,
    )
    for (let run = 0; run < 2; run++) {
      await app.payload.jobs.queue({ task: 'expireWaitlistOffers', input: {} })
      await runJobs()
    }
    const statuses = await q<{ member_id: string; status: string }>(
      sql`SELECT member_id, status::text FROM bookings WHERE class_id = ${cls.id}`,
    )
    expect(
      statuses
        .filter((r) => r.status === 'cancelled')
        .map((r) => r.member_id)
        .sort(),
    ).toEqual([lapses.id, rebooks.id].sort())
    const rows = await enrolmentRows(String(abandoned.id))
    // Not the member the place passed to.
    expect(rows.map((r) => r.member_id).sort()).toEqual([lapses.id, rebooks.id].sort())
    // Before the step comes due (60 min), one of them books the class again.
    await q(
      sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, created_at, updated_at)
          VALUES (${tenant}, ${cls.id}, ${rebooks.id}, 'confirmed', now(), now())`,
    )
    const send = async (m: string) => {
      const log = rows.find((r) => r.member_id === m)!
      return sendAutomationStep(await createLocalReq({}, app.payload), { automationLog: log.id, step: 0 }, rules)
    }
    expect(await send(lapses.id)).toMatchObject({ status: 'sent' })
    expect(await send(rebooks.id)).toEqual({ status: 'stopped', reason: 'booked_since' })
  })
})
