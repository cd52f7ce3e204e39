import { describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, type DomainEvent } from '@/core'
import { createPerson, signIn, useTestApp } from '@/core/testing'
import { isolationGridFor } from '@/core/testing/isolationGrid'
import { marketingTestKit } from './marketingTestKit'
import { bucketOf, variantOfBucket } from './abtest/assignVariant'
import { handleTriggerEvent } from './operations/automations/handleTriggerEvent'
import { upsertLead } from './operations/crm/upsertLead'

// mkt_rest: A/B splits, holdout and goals for New lead (lead.created) enrolments.
const app = useTestApp()
const kit = () => marketingTestKit(app.payload)

const leadSplit = (
  tenant: string,
  data: { goalType?: 'booking_or_order' | 'booking' | 'order' | 'conversion'; holdoutPercent?: number } = {},
) =>
  app.payload.create({
    collection: 'automations',
    data: {
      tenant,
      name: 'Lead split',
      triggerEvent: 'lead.created',
      purpose: 'transactional',
      status: 'active',
      cooldownDays: 0,
      variants: [
        { key: 'A', weight: 50, overrides: [{ step: 1, subject: 'A: hello {{firstName}}' }] },
        { key: 'B', weight: 50, overrides: [{ step: 1, subject: 'B: welcome {{firstName}}' }] },
      ],
      holdoutPercent: data.holdoutPercent ?? 30,
      goalDays: 14,
      goalType: data.goalType ?? 'conversion',
      steps: [{ delayMinutes: 0, channel: 'email', subject: 'Plain hello', body: 'Thanks for your interest.' }],
    },
  })

const newLead = async (tenant: string, email: string) => {
  const req = await createLocalReq({}, app.payload)
  return inTransaction(req, () => upsertLead(req, { tenant, email, name: 'Lena Lead', source: 'website_form' }))
}

const leadCreated = (tenant: string, lead: string, email: string): DomainEvent<unknown> => ({
  id: crypto.randomUUID(),
  type: 'lead.created',
  version: 1,
  actor: null,
  tenant,
  subject: { collection: 'leads', id: lead },
  occurredAt: new Date().toISOString(),
  data: { lead, email, source: 'website_form' },
})

describe('A/B splits for lead enrolments', () => {
  it('assigns each lead once (concurrent triggers), stably by bucket; the holdout gets nothing, variants their subject', async () => {
    const { studio, runJobs, mailTo, q } = kit()
    const tenant = await studio()
    const a = await leadSplit(tenant)
    const leads: { id: string; email: string }[] = []
    for (let i = 0; i < 24; i++) {
      const email = `ab-lead-${i}-${tenant.slice(0, 8)}@example.test`
      const lead = await newLead(tenant, email)
      leads.push({ id: String(lead.id), email })
    }
    // Every lead's trigger delivered 5 times at once besides the real delivery.
    await Promise.all(
      leads.flatMap((l) =>
        Array.from({ length: 5 }, async () =>
          handleTriggerEvent(await createLocalReq({}, app.payload), leadCreated(tenant, l.id, l.email), {
            member: '',
            lead: l.id,
            occurrenceKey: 'once',
            facts: { email: l.email, source: 'website_form' },
          }),
        ),
      ),
    )
    await runJobs()
    const rows = await q<{ lead_id: string; member_id: string | null; variant: string; bucket: number }>(
      sql`SELECT lead_id, member_id, variant, bucket::int AS bucket FROM automation_assignments WHERE automation_id = ${a.id}`,
    )
    expect(rows).toHaveLength(leads.length)
    const variants = new Set<string>()
    for (const l of leads) {
      const mine = rows.filter((r) => String(r.lead_id) === l.id)
      expect(mine).toHaveLength(1)
      expect(mine[0].member_id).toBeNull()
      const bucket = bucketOf(String(a.id), `lead:${l.id}`)
      expect(mine[0].bucket).toBe(bucket)
      expect(mine[0].variant).toBe(variantOfBucket(a, bucket))
      variants.add(mine[0].variant)
      const enrolments = await q<{ status: string; result: string | null }>(
        sql`SELECT status::text, result FROM automation_logs WHERE lead_id = ${l.id}`,
      )
      expect(enrolments).toHaveLength(1)
      const mails = await mailTo(l.email)
      if (mine[0].variant === 'holdout') {
        expect(enrolments[0]).toEqual({ status: 'skipped', result: 'holdout' })
        expect(mails).toHaveLength(0)
        const [{ n }] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM message_logs WHERE lead_id = ${l.id}`)
        expect(n).toBe(0)
      } else {
        expect(mails).toHaveLength(1)
        expect(mails[0].subject).toBe(`${mine[0].variant}: ${mine[0].variant === 'A' ? 'hello' : 'welcome'} Lena`)
      }
    }
    // 24 leads over a 30 % holdout and two halves: each group is met (the buckets are fixed for these ids).
    expect(variants.size).toBeGreaterThan(1)
    // The enrolment stays the lead's one enrolment: a later trigger changes nothing.
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM automation_logs WHERE automation_id = ${a.id}`,
    )
    expect(n).toBe(leads.length)
  }, 180_000)

  it('reports conversions (lead → member within the window) per group with uplift, and bookings/orders of the converted member', async () => {
    const { studio, runJobs, q } = kit()
    const tenant = await studio()
    const a = await leadSplit(tenant, { goalType: 'conversion', holdoutPercent: 20 })
    const groups = ['A', 'A', 'B', 'B', 'holdout', 'holdout']
    const enrolledAt = new Date(Date.now() - 20 * 86_400_000)
    const day = (d: number) => new Date(enrolledAt.getTime() + d * 86_400_000).toISOString()
    const leadIds: string[] = []
    for (const [i, g] of groups.entries()) {
      const [lead] = await q<{ id: string }>(
        sql`INSERT INTO leads (tenant_id, email, status, source) VALUES (${tenant}, ${`rep-${i}-${tenant.slice(0, 8)}@example.test`}, 'new', 'website_form') RETURNING id`,
      )
      leadIds.push(String(lead.id))
      await q(sql`INSERT INTO automation_assignments (tenant_id, automation_id, lead_id, variant, bucket, assigned_at)
                  VALUES (${tenant}, ${a.id}, ${lead.id}, ${g}, 0, ${enrolledAt.toISOString()}::timestamptz)`)
      await q(sql`INSERT INTO automation_logs (tenant_id, automation_id, lead_id, channel, occurrence_key, triggered_at, status)
                  VALUES (${tenant}, ${a.id}, ${lead.id}, 'sequence', 'once', ${enrolledAt.toISOString()}::timestamptz, 'sent')`)
    }
    // A: both convert in the window; B: one in the window, one after it; holdout: one in the window.
    const members = await Promise.all(groups.map(() => createPerson(app.payload, { tenant, roles: ['member'] })))
    const convert = (i: number, at: string) =>
      q(sql`UPDATE leads SET status = 'converted', converted_member_id = ${members[i].membership!.id}, converted_at = ${at}::timestamptz
            WHERE id = ${leadIds[i]}`)
    await convert(0, day(1))
    await convert(1, day(13))
    await convert(2, day(2))
    await convert(3, day(15))
    await convert(4, day(3))
    await runJobs()
    const { user } = await createPerson(app.payload, { tenant, roles: ['admin'] })
    const staff = (await signIn(app, user.email)).client
    const res = await staff.get(`/api/automations/${a.id}/report`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ goalType: 'conversion', goalDays: 14 })
    const by = Object.fromEntries(res.body.groups.map((g: { variant: string }) => [g.variant, g]))
    expect(by.A).toMatchObject({ enrolled: 2, converted: 2, conversionRate: 1, upliftAbsolute: 0.5, upliftRelative: 1 })
    expect(by.B).toMatchObject({ enrolled: 2, converted: 1, conversionRate: 0.5, upliftAbsolute: 0, upliftRelative: 0 })
    expect(by.holdout).toMatchObject({ holdout: true, enrolled: 2, converted: 1, conversionRate: 0.5 })

    // The same enrolments measured on orders: the converted member's paid order within the window counts.
    await app.payload.update({ collection: 'automations', id: a.id, data: { goalType: 'order' } })
    await q(sql`INSERT INTO orders (tenant_id, number, member_id, status, purchased_at)
                VALUES (${tenant}, ${`LAB-${tenant.slice(0, 6)}-1`}, ${members[2].membership!.id}, 'paid', ${day(5)}::timestamptz)`)
    await q(sql`INSERT INTO orders (tenant_id, number, member_id, status, purchased_at)
                VALUES (${tenant}, ${`LAB-${tenant.slice(0, 6)}-2`}, ${members[5].membership!.id}, 'paid', ${day(5)}::timestamptz)`)
    const orders = await staff.get(`/api/automations/${a.id}/report`)
    const byOrder = Object.fromEntries(orders.body.groups.map((g: { variant: string }) => [g.variant, g]))
    expect(orders.body.goalType).toBe('order')
    expect(byOrder.B).toMatchObject({ enrolled: 2, converted: 1 })
    // The last holdout lead never converted: its member's order is not the lead's.
    expect(byOrder.holdout).toMatchObject({ enrolled: 2, converted: 0 })
    expect(byOrder.A).toMatchObject({ enrolled: 2, converted: 0 })
  }, 180_000)

  it('refuses the "becomes a member" goal on a member automation with a 400', async () => {
    const tenant = await kit().studio()
    const refused = await app.payload
      .create({
        collection: 'automations',
        data: {
          tenant,
          name: 'Members cannot convert',
          triggerEvent: 'member.created',
          purpose: 'marketing',
          status: 'active',
          cooldownDays: 0,
          goalType: 'conversion',
          steps: [{ delayMinutes: 0, channel: 'in_app', body: 'Hi' }],
        },
      })
      .then(
        () => 'created',
        (e: { status?: number; data?: unknown }) => `${e.status} ${JSON.stringify(e.data)}`,
      )
    expect(refused).toMatch(/^400 .*New lead automations only/)
    // A New lead automation may measure bookings/orders (of the member it becomes) or the conversion.
    await expect(leadSplit(tenant, { goalType: 'booking_or_order' })).resolves.toBeTruthy()
  })
})

describe('isolation of automation-assignments (member or lead)', () => {
  it('leaks nothing of tenant B to visitors or tenant A', async () => {
    const slugs = ['automation-assignments']
    const { result } = await isolationGridFor(app, slugs)
    expect(new Set(result.map((c) => c.collection))).toEqual(new Set(slugs))
    expect(result.filter((c) => !c.ok)).toEqual([])
  }, 300_000)
})
