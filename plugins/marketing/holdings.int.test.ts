import { describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit } from '@/core'
import { createPerson, signIn, useTestApp } from '@/core/testing'
import type { Automation } from '@/payload-types'
import { marketingTestKit } from './marketingTestKit'
import { enrolTimeTriggered } from './operations/automations/enrolTimeTriggered'
import { sendAutomationStep } from './operations/messaging/sendAutomationStep'
import { logSmsAdapter } from './channels/sms/logSmsAdapter'

const app = useTestApp()
const kit = () => marketingTestKit(app.payload)
const DAY = 86_400_000
const rules = { quietHours: { start: '00:00', end: '00:00' }, frequencyCap: 50, smsAdapter: logSmsAdapter() }
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()

const holdingsAutomation = (
  tenant: string,
  triggerEvent: Automation['triggerEvent'],
  extra: { triggerDays?: number; triggerThreshold?: number; delayMinutes?: number } = {},
) =>
  app.payload.create({
    collection: 'automations',
    data: {
      tenant,
      name: `holdings ${triggerEvent}`,
      triggerEvent,
      purpose: 'transactional',
      status: 'active',
      cooldownDays: 0,
      triggerDays: extra.triggerDays,
      triggerThreshold: extra.triggerThreshold,
      steps: [
        { delayMinutes: extra.delayMinutes ?? 0, channel: 'in_app', subject: 'Heads up', body: 'Hi {{firstName}}' },
      ],
    },
  })

const lot = (
  tenant: string,
  member: string,
  data: { remaining: number; source?: 'pack_purchase' | 'subscription_grant'; expiresAt?: string | null },
) =>
  app.payload.create({
    collection: 'credit-lots',
    data: {
      tenant,
      member,
      creditType: 'class',
      source: data.source ?? 'pack_purchase',
      initialCredits: Math.max(data.remaining, 10),
      remainingCredits: data.remaining,
      expiresAt: data.expiresAt ?? null,
    },
  })

const subscription = async (
  tenant: string,
  member: string,
  data: { status: 'trialing' | 'active'; trialEnd?: string; currentPeriodEnd?: string; cancelAtPeriodEnd?: boolean },
) => {
  const plan = await app.payload.create({ collection: 'membership-plans', data: { tenant, name: `Plan ${member}` } })
  return app.payload.create({
    collection: 'subscriptions',
    data: { tenant, member, plan: plan.id, priceKey: 'monthly', provider: 'manual', dunningStage: 'none', ...data },
  })
}

const enrolmentRows = (automation: string) =>
  kit().q<{ id: string; member_id: string; occurrence_key: string; status: string; result: string | null }>(
    sql`SELECT id, member_id, occurrence_key, status::text, result FROM automation_logs WHERE automation_id = ${automation} ORDER BY created_at`,
  )

describe('credits at or below N', () => {
  it('enrols once per top-up, from the booking that spent credits and from the hourly job racing it', async () => {
    const { studio, member, runJobs } = kit()
    const tenant = await studio()
    const automation = await holdingsAutomation(tenant, 'time.low_credits', { triggerThreshold: 1, delayMinutes: 60 })
    const m = await member(tenant)
    const rich = await member(tenant)
    const never = await member(tenant) // never held credits: not "low"
    await runJobs()
    const first = await lot(tenant, m.id, { remaining: 5, expiresAt: inDays(30) })
    await lot(tenant, rich.id, { remaining: 8 })
    const req = await createLocalReq({}, app.payload)
    expect(await enrolTimeTriggered(req)).toEqual({ enrolled: 0 })
    // A booking spends 4 credits: 1 left, at the threshold.
    await kit().q(sql`UPDATE credit_lots SET remaining_credits = 1 WHERE id = ${first.id}`)
    const booked = {
      type: 'booking.created' as const,
      tenant,
      data: {
        class: m.id,
        member: m.id,
        status: 'confirmed' as const,
        waitlistPosition: null,
        paymentMethod: 'credits',
        startTime: inDays(1),
      },
    }
    // The event's subscriber and 5 hourly runs race; one enrolment.
    await emit(req, booked)
    await Promise.all([
      app.payload.jobs.run({ limit: 50, where: { taskSlug: { equals: 'deliverEvent' } } as never }),
      ...Array.from({ length: 5 }, async () => enrolTimeTriggered(await createLocalReq({}, app.payload))),
    ])
    let rows = await enrolmentRows(String(automation.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ member_id: m.id, occurrence_key: `credits:${first.id}`, status: 'pending' })
    expect(rows.map((r) => r.member_id)).not.toContain(never.id)
    // Topped up before the step came due: the step is skipped with the reason.
    const second = await lot(tenant, m.id, { remaining: 10 })
    const outcome = await sendAutomationStep(
      await createLocalReq({}, app.payload),
      { automationLog: rows[0].id, step: 0 },
      rules,
      new Date(Date.now() + 61 * 60_000),
    )
    expect(outcome).toEqual({ status: 'stopped', reason: 'credits_topped_up' })
    rows = await enrolmentRows(String(automation.id))
    expect(rows[0]).toMatchObject({ status: 'skipped', result: 'credits_topped_up' })
    expect(await kit().messageLogs(m.id)).toHaveLength(0)
    // Spending the new pack down enrols again (a new top-up is a new instance), once.
    await kit().q(sql`UPDATE credit_lots SET remaining_credits = 0 WHERE id = ${second.id}`)
    expect(await enrolTimeTriggered(await createLocalReq({}, app.payload))).toEqual({ enrolled: 1 })
    expect(await enrolTimeTriggered(await createLocalReq({}, app.payload))).toEqual({ enrolled: 0 })
    rows = await enrolmentRows(String(automation.id))
    expect(rows.map((r) => r.occurrence_key)).toEqual([`credits:${first.id}`, `credits:${second.id}`])
  })

  it('refuses a credits trigger without N, and a days trigger without days (400 naming the field)', async () => {
    const { studio } = kit()
    const tenant = await studio()
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const { client } = await signIn(app, user.email)
    const base = {
      tenant,
      name: 'x',
      purpose: 'marketing',
      status: 'draft',
      steps: [{ delayMinutes: 0, channel: 'email', subject: 's', body: 'b' }],
    }
    const noThreshold = await client.post('/api/automations', { ...base, triggerEvent: 'time.low_credits' })
    expect(noThreshold.status).toBe(400)
    expect(JSON.stringify(noThreshold.body)).toContain('credits at or below N')
    const noDays = await client.post('/api/automations', { ...base, triggerEvent: 'time.pack_expiring' })
    expect(noDays.status).toBe(400)
    expect(JSON.stringify(noDays.body)).toContain('number of days before the end')
    const ok = await client.post('/api/automations', { ...base, triggerEvent: 'time.low_credits', triggerThreshold: 2 })
    expect(ok.status).toBe(201)
  })
})

describe('pack, intro offer and membership ending', () => {
  it('enrols a pack expiring within N days once per lot, sends, and previews the same members', async () => {
    const { studio, member, runJobs } = kit()
    const tenant = await studio()
    const automation = await holdingsAutomation(tenant, 'time.pack_expiring', { triggerDays: 3 })
    const soon = await member(tenant)
    const later = await member(tenant)
    const used = await member(tenant)
    const granted = await member(tenant)
    await runJobs()
    const pack = await lot(tenant, soon.id, { remaining: 3, expiresAt: inDays(2) })
    await lot(tenant, later.id, { remaining: 3, expiresAt: inDays(10) })
    await lot(tenant, used.id, { remaining: 0, expiresAt: inDays(2) })
    await lot(tenant, granted.id, { remaining: 4, source: 'subscription_grant', expiresAt: inDays(2) })
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const preview = await (await signIn(app, user.email)).client.get(`/api/automations/${automation.id}/preview`)
    expect(preview.status).toBe(200)
    expect(preview.body.count).toBe(1)
    expect(preview.body.members.map((r: { id: string }) => r.id)).toEqual([soon.id])
    await Promise.all(Array.from({ length: 4 }, async () => enrolTimeTriggered(await createLocalReq({}, app.payload))))
    const rows = await enrolmentRows(String(automation.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ member_id: soon.id, occurrence_key: `pack:${pack.id}` })
    await runJobs()
    expect((await kit().messageLogs(soon.id)).map((l) => l.status)).toEqual(['sent'])
  })

  it('intro offer: a trial ending within N days enrols once; converted before the step, it is skipped', async () => {
    const { studio, member, runJobs } = kit()
    const tenant = await studio()
    const automation = await holdingsAutomation(tenant, 'time.intro_ending', { triggerDays: 3, delayMinutes: 60 })
    const a = await member(tenant)
    const b = await member(tenant)
    await runJobs()
    const sub = await subscription(tenant, a.id, { status: 'trialing', trialEnd: inDays(2) })
    await subscription(tenant, b.id, { status: 'trialing', trialEnd: inDays(6) })
    const req = await createLocalReq({}, app.payload)
    expect(await enrolTimeTriggered(req)).toEqual({ enrolled: 1 })
    expect(await enrolTimeTriggered(req)).toEqual({ enrolled: 0 })
    const [row] = await enrolmentRows(String(automation.id))
    expect(row.occurrence_key).toMatch(new RegExp(`^trial:${sub.id}:`))
    await kit().q(sql`UPDATE subscriptions SET status = 'active' WHERE id = ${sub.id}`)
    const outcome = await sendAutomationStep(
      req,
      { automationLog: row.id, step: 0 },
      rules,
      new Date(Date.now() + 61 * 60_000),
    )
    expect(outcome).toEqual({ status: 'stopped', reason: 'intro_no_longer_ending' })
  })

  it('membership ending: set to cancel at period end within N days enrols and sends; renewed, skipped', async () => {
    const { studio, member, runJobs } = kit()
    const tenant = await studio()
    const automation = await holdingsAutomation(tenant, 'time.membership_expiring', { triggerDays: 5 })
    const leaving = await member(tenant)
    const staying = await member(tenant)
    const undone = await member(tenant)
    await runJobs()
    await subscription(tenant, leaving.id, { status: 'active', currentPeriodEnd: inDays(4), cancelAtPeriodEnd: true })
    await subscription(tenant, staying.id, { status: 'active', currentPeriodEnd: inDays(4), cancelAtPeriodEnd: false })
    const undoneSub = await subscription(tenant, undone.id, {
      status: 'active',
      currentPeriodEnd: inDays(3),
      cancelAtPeriodEnd: true,
    })
    expect(await enrolTimeTriggered(await createLocalReq({}, app.payload))).toEqual({ enrolled: 2 })
    // The member takes back the cancellation before the job sends the step.
    await kit().q(sql`UPDATE subscriptions SET cancel_at_period_end = false WHERE id = ${undoneSub.id}`)
    await runJobs()
    const rows = await enrolmentRows(String(automation.id))
    const byMember = Object.fromEntries(rows.map((r) => [r.member_id, r]))
    expect(byMember[leaving.id]).toMatchObject({ status: 'sent', result: 'completed' })
    expect(byMember[undone.id]).toMatchObject({ status: 'skipped', result: 'membership_renewed' })
    expect(byMember[staying.id]).toBeUndefined()
    expect((await kit().messageLogs(leaving.id)).map((l) => l.status)).toEqual(['sent'])
    expect(await kit().messageLogs(undone.id)).toHaveLength(0)
  })
})
