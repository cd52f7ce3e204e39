import { describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { createPerson, signIn, useTestApp } from '@/core/testing'
import { marketingTestKit } from './marketingTestKit'
import { enrolMember } from './operations/automations/enrolMember'
import { assignVariant, bucketOf, variantOfBucket } from './abtest/assignVariant'
import { validateBranches } from './abtest/branching'

const app = useTestApp()
const kit = () => marketingTestKit(app.payload)

/** An automation with the A/B fields (the kit's helper knows only the base fields). */
const splitAutomation = async (
  tenant: string,
  data: {
    triggerEvent?: 'member.created' | 'order.paid'
    variants?: { key: string; weight: number; overrides?: { step: number; subject?: string; body?: string }[] }[]
    holdoutPercent?: number
    goalDays?: number
    purpose?: 'marketing' | 'transactional'
    steps?: {
      channel: 'email' | 'in_app'
      subject?: string
      body: string
      delayMinutes?: number
      branch?: { condition?: { [k: string]: unknown }; ifTrue?: string; ifFalse?: string }
    }[]
  },
) =>
  app.payload.create({
    collection: 'automations',
    data: {
      tenant,
      name: 'Split',
      triggerEvent: data.triggerEvent ?? 'order.paid',
      purpose: data.purpose ?? 'transactional',
      status: 'active',
      cooldownDays: 0,
      variants: data.variants ?? [],
      holdoutPercent: data.holdoutPercent ?? 0,
      goalDays: data.goalDays ?? 14,
      steps: (data.steps ?? [{ channel: 'in_app', subject: 'Hi', body: 'Hi' }]).map((s) => ({ delayMinutes: 0, ...s })),
    },
  })

/** `n` active members of a tenant made in SQL (users, memberships, role member). */
const bulkMembers = async (tenant: string, n: number, tag: string): Promise<string[]> => {
  const { q } = kit()
  await q(
    sql`INSERT INTO users (email, name) SELECT ${tag} || '-' || g || '-' || ${tenant} || '@example.test', 'Bulk ' || g FROM generate_series(1, ${n}::int) g`,
  )
  const rows = await q<{ id: string }>(sql`INSERT INTO tenant_memberships (tenant_id, user_id, status, joined_at)
      SELECT ${tenant}, u.id, 'active', now() FROM users u WHERE u.email LIKE ${`${tag}-%-${tenant}@example.test`} RETURNING id`)
  await q(sql`INSERT INTO tenant_memberships_roles ("order", parent_id, value)
      SELECT 1, m.id, 'member' FROM tenant_memberships m WHERE m.id IN (${sql.join(
        rows.map((r) => sql`${r.id}`),
        sql`, `,
      )})`)
  return rows.map((r) => String(r.id))
}

describe('A/B assignment', () => {
  it('50 concurrent enrolments of one member make one assignment; re-entries keep the variant', async () => {
    const { studio, q } = kit()
    const tenant = await studio()
    const a = await splitAutomation(tenant, {
      variants: [
        { key: 'A', weight: 50 },
        { key: 'B', weight: 50 },
      ],
    })
    const [member] = await bulkMembers(tenant, 1, 'race')
    const ids = await Promise.all(
      Array.from({ length: 50 }, async (_, i) =>
        enrolMember(await createLocalReq({}, app.payload), {
          automation: a,
          member,
          occurrenceKey: `occ-${i}`,
          facts: {},
        }),
      ),
    )
    expect(ids.filter(Boolean)).toHaveLength(50)
    const rows = await q<{ variant: string; bucket: number }>(
      sql`SELECT variant, bucket FROM automation_assignments WHERE automation_id = ${a.id} AND member_id = ${member}`,
    )
    expect(rows).toHaveLength(1)
    expect(rows[0].variant).toBe(variantOfBucket(a, bucketOf(String(a.id), member)))
  }, 60_000)

  it('spreads 1,000 members roughly by weight, with the holdout share', async () => {
    const { studio, q } = kit()
    const tenant = await studio()
    const a = await splitAutomation(tenant, {
      variants: [
        { key: 'A', weight: 70 },
        { key: 'B', weight: 30 },
      ],
      holdoutPercent: 10,
    })
    const members = await bulkMembers(tenant, 1000, 'spread')
    const req = await createLocalReq({}, app.payload)
    for (let i = 0; i < members.length; i += 25)
      await Promise.all(members.slice(i, i + 25).map((member) => assignVariant(req, { tenant, automation: a, member })))
    const rows = await q<{ variant: string; n: number }>(
      sql`SELECT variant, count(*)::int AS n FROM automation_assignments WHERE automation_id = ${a.id} GROUP BY variant`,
    )
    const n = Object.fromEntries(rows.map((r) => [r.variant, r.n]))
    expect(n.A + n.B + n.holdout).toBe(1000)
    expect(n.holdout).toBeGreaterThan(60)
    expect(n.holdout).toBeLessThan(140)
    expect(n.A).toBeGreaterThan(570) // 630 expected
    expect(n.A).toBeLessThan(690)
    expect(n.B).toBeGreaterThan(210) // 270 expected
    expect(n.B).toBeLessThan(330)
  }, 120_000)

  it('enrols the holdout but sends it nothing; a variant gets its overridden subject', async () => {
    const { studio, member, runJobs, messageLogs, mailTo, q } = kit()
    const tenant = await studio()
    const a = await splitAutomation(tenant, {
      triggerEvent: 'member.created',
      variants: [{ key: 'A', weight: 1, overrides: [{ step: 1, subject: 'Variant A welcome' }] }],
      holdoutPercent: 50,
      steps: [{ channel: 'email', subject: 'Plain welcome', body: 'Hello {{firstName}}' }],
    })
    const made: { id: string; email: string; group: string }[] = []
    for (let i = 0; i < 24 && new Set(made.map((m) => m.group)).size < 2; i++) {
      const m = await member(tenant)
      made.push({ ...m, group: variantOfBucket(a, bucketOf(String(a.id), m.id)) })
    }
    const held = made.find((m) => m.group === 'holdout')!
    const sent = made.find((m) => m.group === 'A')!
    expect(held && sent).toBeTruthy()
    await runJobs()
    const [heldLog] = await q<{ status: string; result: string }>(
      sql`SELECT status::text, result FROM automation_logs WHERE member_id = ${held.id} AND automation_id = ${a.id}`,
    )
    expect(heldLog).toEqual({ status: 'skipped', result: 'holdout' })
    expect(await messageLogs(held.id)).toHaveLength(0)
    expect(await mailTo(held.email)).toHaveLength(0)
    const mails = await mailTo(sent.email)
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toBe('Variant A welcome')
  }, 120_000)
})

describe('the A/B report', () => {
  it('counts enrolments and conversions (bookings, paid orders within the goal window) per group, with uplift over the holdout', async () => {
    const { studio, q } = kit()
    const tenant = await studio()
    const a = await splitAutomation(tenant, {
      variants: [
        { key: 'A', weight: 50 },
        { key: 'B', weight: 50 },
      ],
      holdoutPercent: 20,
      goalDays: 7,
    })
    const members = await bulkMembers(tenant, 13, 'report')
    const groups = [...Array(4).fill('A'), ...Array(4).fill('B'), ...Array(5).fill('holdout')] as string[]
    const enrolledAt = new Date(Date.now() - 20 * 86_400_000)
    for (const [i, m] of members.entries()) {
      await q(sql`INSERT INTO automation_assignments (tenant_id, automation_id, member_id, variant, bucket, assigned_at)
                  VALUES (${tenant}, ${a.id}, ${m}, ${groups[i]}, 0, ${enrolledAt.toISOString()}::timestamptz)`)
      await q(sql`INSERT INTO automation_logs (tenant_id, automation_id, member_id, channel, occurrence_key, triggered_at, status)
                  VALUES (${tenant}, ${a.id}, ${m}, 'sequence', 'seed', ${enrolledAt.toISOString()}::timestamptz, 'sent')`)
    }
    const [cls] = await q<{ id: string }>(
      sql`INSERT INTO classes (tenant_id, title, start_time) VALUES (${tenant}, 'Seed class', now()) RETURNING id`,
    )
    const day = (d: number) => new Date(enrolledAt.getTime() + d * 86_400_000).toISOString()
    const booking = (m: string, at: string, status = 'confirmed') =>
      q(sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, created_at, updated_at)
            VALUES (${tenant}, ${cls.id}, ${m}, ${status}, ${at}::timestamptz, now())`)
    let n = 0
    const order = (m: string, at: string, status = 'paid') =>
      q(sql`INSERT INTO orders (tenant_id, number, member_id, status, purchased_at)
            VALUES (${tenant}, ${`AB-${tenant.slice(0, 6)}-${n++}`}, ${m}, ${status}, ${at}::timestamptz)`)
    // A: 2 of 4 (a booking on day 2, a paid order on day 6); a booking on day 9 and a cancelled one do not count.
    await booking(members[0], day(2))
    await order(members[1], day(6))
    await booking(members[2], day(9))
    await booking(members[3], day(1), 'cancelled')
    // B: 1 of 4 (a checked-in booking); a refunded order does not count, nor a booking before enrolment.
    await booking(members[4], day(3), 'checked_in')
    await order(members[5], day(1), 'refunded')
    await booking(members[6], day(-1))
    // Holdout: 1 of 5.
    await order(members[8], day(0.5))
    const { user } = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
    const staff = (await signIn(app, user.email)).client
    const res = await staff.get(`/api/automations/${a.id}/report`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ automation: String(a.id), goalDays: 7, holdoutPercent: 20 })
    const by = Object.fromEntries(res.body.groups.map((g: { variant: string }) => [g.variant, g]))
    expect(by.A).toMatchObject({
      enrolled: 4,
      converted: 2,
      conversionRate: 0.5,
      upliftAbsolute: 0.3,
      upliftRelative: 1.5,
    })
    expect(by.B).toMatchObject({
      enrolled: 4,
      converted: 1,
      conversionRate: 0.25,
      upliftAbsolute: 0.05,
      upliftRelative: 0.25,
    })
    expect(by.holdout).toMatchObject({
      holdout: true,
      enrolled: 5,
      converted: 1,
      conversionRate: 0.2,
      upliftAbsolute: null,
    })
    const other = await studio()
    const { user: stranger } = await createPerson(app.payload, { tenant: other, roles: ['manager'] })
    expect((await (await signIn(app, stranger.email)).client.get(`/api/automations/${a.id}/report`)).status).toBe(404)
    const { user: plain } = await createPerson(app.payload, { tenant, roles: ['member'] })
    expect((await (await signIn(app, plain.email)).client.get(`/api/automations/${a.id}/report`)).status).toBe(404)
  }, 120_000)
})

describe('branching steps', () => {
  it('routes by bookings since enrolment: a booker skips to the thank-you, a non-booker gets the nudges and ends', async () => {
    const { studio, member, runJobs, q } = kit()
    const tenant = await studio()
    const booked = { all: [{ field: 'enrolment.bookings', op: 'gte', value: 1 }] }
    const a = await splitAutomation(tenant, {
      triggerEvent: 'member.created',
      steps: [
        { channel: 'in_app', subject: 'Welcome', body: 'Welcome' },
        {
          channel: 'in_app',
          subject: 'Reminder',
          body: 'Book a class',
          delayMinutes: 60,
          branch: { condition: booked, ifTrue: '4', ifFalse: 'send' },
        },
        { channel: 'in_app', subject: 'Last nudge', body: 'Still time' },
        {
          channel: 'in_app',
          subject: 'Thanks',
          body: 'Thanks for booking',
          branch: { condition: booked, ifTrue: 'send', ifFalse: 'end' },
        },
      ],
    })
    const booker = await member(tenant)
    const idle = await member(tenant)
    await runJobs() // enrolment and step 1; step 2 waits an hour
    const [cls] = await q<{ id: string }>(
      sql`INSERT INTO classes (tenant_id, title, start_time) VALUES (${tenant}, 'Branch class', now()) RETURNING id`,
    )
    await q(sql`INSERT INTO bookings (tenant_id, class_id, member_id, status, created_at, updated_at)
                VALUES (${tenant}, ${cls.id}, ${booker.id}, 'confirmed', now(), now())`)
    await q(
      sql`UPDATE payload_jobs SET wait_until = now() WHERE task_slug = 'sendAutomationStep' AND completed_at IS NULL`,
    )
    await runJobs()
    const titles = async (m: string) =>
      (
        await q<{ title: string }>(
          sql`SELECT title FROM notifications WHERE member_id = ${m} ORDER BY created_at, title`,
        )
      ).map((r) => r.title)
    expect(await titles(booker.id)).toEqual(['Welcome', 'Thanks'])
    expect(await titles(idle.id)).toEqual(['Welcome', 'Reminder', 'Last nudge'])
    const log = async (m: string) =>
      (
        await q<{ current_step: number; status: string; result: string; runs: { step: number; outcome: string }[] }>(
          sql`SELECT current_step::int, status::text, result, metadata->'runs' AS runs FROM automation_logs
              WHERE member_id = ${m} AND automation_id = ${a.id}`,
        )
      )[0]
    const b = await log(booker.id)
    expect(b.runs.map((r) => [r.step, r.outcome])).toEqual([
      [0, 'sent'],
      [1, 'branch:4'],
      [3, 'sent'],
    ])
    expect(b).toMatchObject({ current_step: 3, status: 'sent', result: 'completed' })
    const i = await log(idle.id)
    expect(i.runs.map((r) => [r.step, r.outcome])).toEqual([
      [0, 'sent'],
      [1, 'sent'],
      [2, 'sent'],
      [3, 'branch:end'],
    ])
    expect(i).toMatchObject({ current_step: 3, status: 'sent', result: 'branch_end' })
  }, 120_000)

  it('refuses bad branches and variants on save with specific 400s', async () => {
    const { studio } = kit()
    const tenant = await studio()
    const { user } = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const { client } = await signIn(app, user.email)
    const base = {
      tenant,
      name: 'Builder',
      triggerEvent: 'member.created',
      purpose: 'marketing',
      steps: [
        { channel: 'email', body: 'one', delayMinutes: 0 },
        { channel: 'email', body: 'two', delayMinutes: 0 },
      ],
    }
    const cond = { all: [{ field: 'enrolment.bookings', op: 'gte', value: 1 }] }
    const bad = async (data: Record<string, unknown>, message: RegExp) => {
      const res = await client.post('/api/automations', { ...base, ...data })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(message)
    }
    await bad(
      { steps: [{ ...base.steps[0], branch: { condition: cond, ifTrue: '5' } }, base.steps[1]] },
      /Step 1: \\"if true\\" jumps to step 5, which does not exist \(2 steps\)/,
    )
    await bad(
      { steps: [base.steps[0], { ...base.steps[1], branch: { condition: cond, ifFalse: '1' } }] },
      /Step 2: \\"if false\\" may only jump forward/,
    )
    await bad(
      { steps: [base.steps[0], { ...base.steps[1], branch: { condition: cond, ifFalse: '2' } }] },
      /may only jump forward \(to a step after 2\), not to step 2/,
    )
    await bad(
      { steps: [{ ...base.steps[0], branch: { condition: cond, ifTrue: 'later' } }, base.steps[1]] },
      /must be send, end or a step number/,
    )
    await bad(
      {
        steps: [
          { ...base.steps[0], branch: { condition: { all: [{ field: 'member.password', op: 'eq', value: 1 }] } } },
          base.steps[1],
        ],
      },
      /Step 1: invalid branch condition/,
    )
    await bad(
      {
        variants: [
          { key: 'A', weight: 50 },
          { key: 'A', weight: 50 },
        ],
      },
      /Variant key \\"A\\" is used twice/,
    )
    await bad({ variants: [{ key: 'holdout', weight: 50 }] }, /Variant key \\"holdout\\" is reserved/)
    await bad(
      { variants: [{ key: 'A', weight: 50, overrides: [{ step: 3, subject: 'x' }] }] },
      /overrides step 3, which does not exist/,
    )
    await bad({ holdoutPercent: 80 }, /holdoutPercent/)
    const ok = await client.post('/api/automations', {
      ...base,
      steps: [{ ...base.steps[0], branch: { condition: cond, ifTrue: '2', ifFalse: 'end' } }, base.steps[1]],
      variants: [
        { key: 'A', weight: 50, overrides: [{ step: 2, subject: 'A two' }] },
        { key: 'B', weight: 50 },
      ],
      holdoutPercent: 10,
    })
    expect(ok.status).toBe(201)
    expect(validateBranches([{ branch: { condition: cond, ifTrue: '2' } }, {}])).toBe(true)
  })
})
