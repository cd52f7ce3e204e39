import { describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import { addDays, fromWallTime, localDate } from '@/core'
import { marketingTestKit } from './marketingTestKit'
import { sendAutomationStep } from './operations/messaging/sendAutomationStep'
import { logSmsAdapter } from './channels/sms/logSmsAdapter'

const app = useTestApp()
const kit = () => marketingTestKit(app.payload)
const rules = { quietHours: { start: '00:00', end: '00:00' }, frequencyCap: 50, smsAdapter: logSmsAdapter() }

/** GET a URL from a mail on the test server (its path and query), without following redirects. */
const hit = (url: string) => {
  const u = new URL(url)
  return fetch(`${app.baseUrl}${u.pathname}${u.search}`, { redirect: 'manual' })
}

const engagement = (log: string) =>
  kit().q<{ status: string; opened_at: Date | null; clicked_at: Date | null }>(
    sql`SELECT status::text, opened_at, clicked_at FROM message_logs WHERE id = ${log}`,
  )

/** A marketing automation of two e-mails; the second is sent only if the first was opened (clicked). */
const twoMails = async (tenant: string, field: 'message.opened' | 'message.clicked') =>
  app.payload.create({
    collection: 'automations',
    data: {
      tenant,
      name: 'Welcome series',
      triggerEvent: 'member.created',
      purpose: 'marketing',
      status: 'active',
      cooldownDays: 0,
      steps: [
        {
          delayMinutes: 0,
          channel: 'email',
          subject: 'Welcome',
          body: 'Book your first class: https://studio.example.test/book?a=1&b=2. Or call us.',
        },
        {
          delayMinutes: 60,
          channel: 'email',
          subject: 'Glad you looked',
          body: 'More at https://studio.example.test/more',
          branch: { condition: { all: [{ field, op: 'eq', value: true }] }, ifTrue: 'send', ifFalse: 'end' },
        },
      ],
    },
  })

describe('open and click tracking', () => {
  it('tracks a marketing mail: pixel and signed links, first open/click once, forged URL 400, branch on opened', async () => {
    const { studio, member, runJobs, messageLogs, mailTo } = kit()
    const tenant = await studio()
    await twoMails(tenant, 'message.opened')
    const opener = await member(tenant, { consents: ['email_marketing'] })
    const ignorer = await member(tenant, { consents: ['email_marketing'] })
    await runJobs()
    const [log] = await messageLogs(opener.id)
    expect({ ...log, step: Number(log.step) }).toMatchObject({ channel: 'email', status: 'sent', step: 0 })
    const [mail] = await mailTo(opener.email)
    const html = mail.html ?? ''
    const pixel = /<img src="([^"]+open\.gif[^"]+)"/.exec(html)![1].replace(/&amp;/g, '&')
    const link = /<a href="([^"]+\/click\?[^"]+)">https:\/\/studio\.example\.test\/book\?a=1&amp;b=2<\/a>\./
      .exec(html)![1]
      .replace(/&amp;/g, '&')
    expect(pixel).toContain(`/api/message-logs/${log.id}/open.gif?sig=`)
    expect(mail.text).toContain('https://studio.example.test/book?a=1&b=2.') // the text part keeps the plain URL

    // Opened three times (and concurrently): recorded once.
    const opens = await Promise.all([hit(pixel), hit(pixel), hit(pixel)])
    expect(opens.map((r) => r.status)).toEqual([200, 200, 200])
    expect(opens[0].headers.get('content-type')).toBe('image/gif')
    expect(opens[0].headers.get('cache-control')).toContain('no-store')
    const [afterOpen] = await engagement(log.id)
    expect(afterOpen.status).toBe('opened')
    const openedAt = afterOpen.opened_at
    expect(openedAt).not.toBeNull()
    await hit(pixel)
    expect((await engagement(log.id))[0].opened_at).toEqual(openedAt)

    // The link redirects to exactly its URL; the first click is kept.
    const click = await hit(link)
    expect(click.status).toBe(302)
    expect(click.headers.get('location')).toBe('https://studio.example.test/book?a=1&b=2')
    const [afterClick] = await engagement(log.id)
    expect(afterClick.clicked_at).not.toBeNull()
    await hit(link)
    expect((await engagement(log.id))[0].clicked_at).toEqual(afterClick.clicked_at)

    // A URL that was not in the message (or another message's signature) is refused.
    const forged = new URL(link)
    forged.searchParams.set('u', 'https://evil.example.test/phish')
    const refused = await hit(forged.toString())
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('invalid_signature')
    const [other] = await messageLogs(ignorer.id)
    const borrowed = await hit(link.replace(`/message-logs/${log.id}/`, `/message-logs/${other.id}/`))
    expect(borrowed.status).toBe(400)
    expect((await hit(pixel.replace(/sig=[^&]+/, 'sig=AAAA'))).status).toBe(400)
    expect((await engagement(other.id))[0]).toMatchObject({ opened_at: null, clicked_at: null })

    // Step 2 is branched on "opened the previous e-mail": sent to the opener, the enrolment of the other ends.
    const later = new Date(Date.now() + 61 * 60_000)
    const req = await createLocalReq({}, app.payload)
    const enrolment = async (m: string) => (await kit().enrolments(m))[0].id
    expect(
      await sendAutomationStep(req, { automationLog: await enrolment(opener.id), step: 1 }, rules, later),
    ).toMatchObject({
      status: 'sent',
    })
    expect(
      await sendAutomationStep(req, { automationLog: await enrolment(ignorer.id), step: 1 }, rules, later),
    ).toEqual({
      status: 'stopped',
      reason: 'branch_end',
    })
    expect((await messageLogs(opener.id)).map((l) => Number(l.step))).toEqual([0, 1])
    expect((await messageLogs(ignorer.id)).map((l) => Number(l.step))).toEqual([0])
  })

  it('branches on clicked; transactional mail is not tracked; a malformed message rule is refused on save', async () => {
    const { studio, member, runJobs, messageLogs, mailTo } = kit()
    const tenant = await studio()
    const automation = await twoMails(tenant, 'message.clicked')
    const m = await member(tenant, { consents: ['email_marketing'] })
    await runJobs()
    const [log] = await messageLogs(m.id)
    const [mail] = await mailTo(m.email)
    const pixel = /<img src="([^"]+open\.gif[^"]+)"/.exec(mail.html ?? '')![1].replace(/&amp;/g, '&')
    await hit(pixel) // opened, not clicked
    expect((await engagement(log.id))[0].clicked_at).toBeNull()
    const req = await createLocalReq({}, app.payload)
    const [enrolment] = await kit().enrolments(m.id)
    expect(
      await sendAutomationStep(
        req,
        { automationLog: enrolment.id, step: 1 },
        rules,
        new Date(Date.now() + 61 * 60_000),
      ),
    ).toEqual({ status: 'stopped', reason: 'branch_end' })

    // Transactional mail carries no pixel and no rewritten links.
    const receipts = await app.payload.create({
      collection: 'automations',
      data: {
        tenant,
        name: 'Receipt',
        triggerEvent: 'member.created',
        purpose: 'transactional',
        status: 'active',
        cooldownDays: 0,
        steps: [{ delayMinutes: 0, channel: 'email', subject: 'Receipt', body: 'See https://studio.example.test/r' }],
      },
    })
    const n = await member(tenant)
    await runJobs()
    const receipt = (await mailTo(n.email)).find((x) => x.subject === 'Receipt')
    expect(receipt?.html).toBeDefined()
    expect(receipt?.html).not.toContain('open.gif')
    expect(receipt?.html).not.toContain('/click?')
    expect(receipts.id).toBeDefined()

    // A malformed message rule is refused on save, naming the step.
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const { client } = await signIn(app, user.email)
    const res = await client.patch(`/api/automations/${automation.id}`, {
      steps: [
        { delayMinutes: 0, channel: 'email', subject: 's', body: 'b' },
        {
          delayMinutes: 0,
          channel: 'email',
          subject: 's',
          body: 'b',
          branch: { condition: { all: [{ field: 'message.opened', op: 'gte', value: 1 }] } },
        },
      ],
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('Step 2')
  })
})

/** A Chicago bay open all day (as the facility tests make one) and local times of it. */
const facility = {
  zone: 'America/Chicago',
  at: (days: number, hhmm: string) => {
    const [year, month, day] = addDays(localDate(new Date(), 'America/Chicago'), days).split('-').map(Number)
    const [hour, minute] = hhmm.split(':').map(Number)
    return fromWallTime({ year, month, day, hour, minute }, 'America/Chicago').toISOString()
  },
  createBay: async (tenant: string) =>
    String(
      (
        await app.payload.create({
          collection: 'facility-resources',
          data: {
            tenant,
            name: `Bay ${Math.random().toString(36).slice(2, 8)}`,
            type: 'simulator_bay',
            capacity: 4,
            openingHours: (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((weekday) => ({
              weekday,
              opensAt: '06:00',
              closesAt: '23:00',
            })),
            bookingRules: { slotMinutes: 30, minMinutes: 30, maxMinutes: 240, bookingWindowDays: 14 },
            pricing: { mode: 'per_bay_hour', currency: 'USD', guestFee: 0, rates: [], peakHours: [] },
          },
        })
      ).id,
    ),
}

describe('facility guests as leads', () => {
  it('a reservation with guests who gave an e-mail makes one lead each (source facility_guest), not for members', async () => {
    const fk = facility
    const tenant = String((await createTenant(app.payload, { timezone: fk.zone })).id)
    const alice = await createPerson(app.payload, { tenant, roles: ['member'] })
    const known = await createPerson(app.payload, { tenant, roles: ['member'] })
    const bay = await fk.createBay(tenant)
    const { client } = await signIn(app, alice.user.email)
    const booked = await client.post('/api/reservations/book', {
      resource: bay,
      startAt: fk.at(2, '10:00'),
      endAt: fk.at(2, '11:00'),
      participants: [
        { guest: { name: 'Gus Guest', email: 'Gus.Guest@Example.test', phone: '+15550111' } },
        { guest: { name: 'No Mail' } },
        { guest: { name: 'Known Member', email: known.user.email } },
      ],
    })
    expect(booked.status, JSON.stringify(booked.body)).toBe(201)
    // A second booking with the same guest keeps one lead.
    const again = await client.post('/api/reservations/book', {
      resource: bay,
      startAt: fk.at(3, '10:00'),
      endAt: fk.at(3, '11:00'),
      participants: [{ guest: { name: 'Gus Guest', email: 'gus.guest@example.test' } }],
    })
    expect(again.status, JSON.stringify(again.body)).toBe(201)
    await kit().runJobs()
    const leads = await kit().q<{ email: string; source: string; name: string; phone: string | null }>(
      sql`SELECT email, source::text, name, phone FROM leads WHERE tenant_id = ${tenant} ORDER BY email`,
    )
    expect(leads).toEqual([
      { email: 'gus.guest@example.test', source: 'facility_guest', name: 'Gus Guest', phone: '+15550111' },
    ])
  })
})
