import { describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { inTransaction, type DomainEvent } from '@/core'
import { createPerson, useTestApp } from '@/core/testing'
import { lexicalParagraphs } from '@/core/text/lexicalParagraphs'
import { marketingTestKit } from './marketingTestKit'
import { handleTriggerEvent } from './operations/automations/handleTriggerEvent'
import { TRIGGER_OPTIONS } from './operations/automations/triggers'
import { upsertLead } from './operations/crm/upsertLead'
import { sendAutomationStep } from './operations/messaging/sendAutomationStep'
import { logSmsAdapter } from './channels/sms/logSmsAdapter'

const app = useTestApp()
const kit = () => marketingTestKit(app.payload)
const rules = { quietHours: { start: '00:00', end: '00:00' }, frequencyCap: 50, smsAdapter: logSmsAdapter() }

/** A New lead automation: e-mail steps (the second an hour after the first unless said otherwise). */
const leadAutomation = (
  tenant: string,
  { purpose = 'marketing', firstDelay = 0 }: { purpose?: 'marketing' | 'transactional'; firstDelay?: number } = {},
) =>
  app.payload.create({
    collection: 'automations',
    data: {
      tenant,
      name: 'Welcome new leads',
      triggerEvent: 'lead.created',
      purpose,
      status: 'active',
      cooldownDays: 0,
      steps: [
        {
          delayMinutes: firstDelay,
          channel: 'email',
          subject: 'Hi {{firstName}}',
          body: 'Thanks for your interest in {{studioName}}.',
        },
        { delayMinutes: 60, channel: 'email', subject: 'Come by', body: 'Your first class is on us.' },
      ],
    },
  })

const newLead = async (tenant: string, email: string, marketingConsent = true) => {
  const req = await createLocalReq({}, app.payload)
  return inTransaction(req, () =>
    upsertLead(req, { tenant, email, name: 'Lena Lead', source: 'website_form', marketingConsent }),
  )
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

const hitOf = (lead: string, email: string) => ({
  member: '',
  lead,
  occurrenceKey: 'once',
  facts: { email, source: 'website_form' },
})

const enrolmentsOf = (lead: string) =>
  kit().q<{ id: string; member_id: string | null; status: string; result: string | null }>(
    sql`SELECT id, member_id, status::text, result FROM automation_logs WHERE lead_id = ${lead} ORDER BY created_at`,
  )

const leadMessages = (lead: string) =>
  kit().q<{ step: number; status: string; reason: string | null; member_id: string | null; recipient: string }>(
    sql`SELECT step::int AS step, status::text, reason, member_id, recipient FROM message_logs WHERE lead_id = ${lead} ORDER BY step`,
  )

const post = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  })

describe('the New lead trigger (lead.created)', () => {
  it('is offered by the builder, and its automations send e-mail only (400 otherwise)', async () => {
    expect(TRIGGER_OPTIONS.map((o) => o.value)).toContain('lead.created')
    const tenant = await kit().studio()
    const refused = await app.payload
      .create({
        collection: 'automations',
        data: {
          tenant,
          name: 'SMS to leads',
          triggerEvent: 'lead.created',
          purpose: 'marketing',
          status: 'active',
          cooldownDays: 0,
          steps: [{ delayMinutes: 0, channel: 'sms', body: 'Hi' }],
        },
      })
      .then(
        () => 'created',
        (e: { status?: number; data?: unknown }) => `${e.status} ${JSON.stringify(e.data)}`,
      )
    expect(refused).toMatch(/^400 .*e-mail only/)
  })

  it('a form submission makes a lead, enrolled once (20 concurrent duplicate triggers), mailed with List-Unsubscribe', async () => {
    const { studio, runJobs, mailTo, q } = kit()
    const tenant = await studio()
    const automation = await leadAutomation(tenant)
    const form = await app.payload.create({
      collection: 'forms',
      data: {
        tenant,
        title: 'Try a class',
        formType: 'trial_class',
        confirmationType: 'message',
        confirmationMessage: lexicalParagraphs('Thanks!'),
        fields: [
          { blockType: 'text', name: 'name', label: 'Your name', required: true },
          { blockType: 'email', name: 'email', label: 'E-mail', required: true },
          { blockType: 'checkbox', name: 'marketingConsent', label: 'Send me news and offers' },
        ],
      },
    })
    const email = `lena-${tenant.slice(0, 8)}@example.test`
    const submitted = await app
      .http()
      .post(`/api/forms/${form.id}/submit`, { data: { name: 'Lena Lead', email, marketingConsent: true } })
    expect(submitted.status).toBe(201)
    // The form's event is delivered: the lead is captured (with the consent) and `lead.created` queued.
    await app.payload.jobs.run({ limit: 50 })
    const [lead] = await q<{ id: string; consent: Date | null }>(
      sql`SELECT id, marketing_consent_at AS consent FROM leads WHERE tenant_id = ${tenant} AND email = ${email}`,
    )
    expect(lead?.consent).toBeTruthy()
    expect(await enrolmentsOf(lead.id)).toHaveLength(0) // its `lead.created` delivery is still queued
    // 20 duplicate triggers for the lead race each other (and the real delivery still queued).
    await Promise.all(
      Array.from({ length: 20 }, async () =>
        handleTriggerEvent(
          await createLocalReq({}, app.payload),
          leadCreated(tenant, lead.id, email),
          hitOf(lead.id, email),
        ),
      ),
    )
    await runJobs()
    const enrolments = await enrolmentsOf(lead.id)
    expect(enrolments).toHaveLength(1)
    expect(enrolments[0].member_id).toBeNull()
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM automation_logs WHERE automation_id = ${automation.id}`,
    )
    expect(n).toBe(1)
    expect(await leadMessages(lead.id)).toEqual([
      { step: 0, status: 'sent', reason: null, member_id: null, recipient: email },
    ])
    const mails = await mailTo(email)
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toBe('Hi Lena')
    expect(mails[0].headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const link = /^<(.+)>$/.exec(mails[0].headers?.['List-Unsubscribe'] ?? '')?.[1]
    expect(link).toContain('/api/message-logs/unsubscribe-lead?token=')
    expect(mails[0].text).toContain(new URL(link!).search)
  }, 120_000)

  it('the lead unsubscribe link (signed) marks the lead and stops the next marketing step', async () => {
    const { studio, runJobs, mailTo, q } = kit()
    const tenant = await studio()
    await leadAutomation(tenant)
    const email = `ulla-${tenant.slice(0, 8)}@example.test`
    const lead = await newLead(tenant, email)
    await runJobs()
    const [mail] = await mailTo(email)
    const url = new URL(/^<(.+)>$/.exec(mail.headers?.['List-Unsubscribe'] ?? '')![1])
    // A forged token and a member's token (signed under the member key) are refused.
    const forged = await post(
      `${app.baseUrl}${url.pathname}?token=${encodeURIComponent(`${Buffer.from(lead.id).toString('base64url')}.AAAA`)}`,
    )
    expect(forged.status).toBe(400)
    const res = await post(`${app.baseUrl}${url.pathname}${url.search}`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ unsubscribed: true, changed: 1 })
    expect((await post(`${app.baseUrl}${url.pathname}${url.search}`)).status).toBe(200) // idempotent
    const [row] = await q<{ unsubscribed_at: Date | null }>(
      sql`SELECT unsubscribed_at FROM leads WHERE id = ${lead.id}`,
    )
    expect(row.unsubscribed_at).not.toBeNull()
    const page = await fetch(`${app.baseUrl}${url.pathname}${url.search}`)
    expect(await page.text()).toContain('<form method="post"')
    // The second step comes due: skipped for want of consent, nothing mailed.
    const [enrolment] = await enrolmentsOf(lead.id)
    const outcome = await sendAutomationStep(
      await createLocalReq({}, app.payload),
      { automationLog: enrolment.id, step: 1 },
      rules,
      new Date(Date.now() + 61 * 60_000),
    )
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'no_consent' })
    expect(await mailTo(email)).toHaveLength(1)
  }, 120_000)

  it('a suppressed address gets nothing (transactional included); a lead without consent gets transactional mail only', async () => {
    const { studio, runJobs, mailTo } = kit()
    const tenant = await studio()
    await leadAutomation(tenant, { purpose: 'transactional' })
    const bounced = `bounced-${tenant.slice(0, 8)}@example.test`
    await app.payload.create({
      collection: 'suppressions',
      data: { tenant, channel: 'email', address: bounced, reason: 'hard_bounce' },
    })
    const suppressedLead = await newLead(tenant, bounced)
    const noConsent = `quiet-${tenant.slice(0, 8)}@example.test`
    const plainLead = await newLead(tenant, noConsent, false)
    await runJobs()
    expect(await leadMessages(suppressedLead.id)).toMatchObject([{ step: 0, status: 'skipped', reason: 'suppressed' }])
    expect(await mailTo(bounced)).toHaveLength(0)
    // Transactional: sent without consent, and without List-Unsubscribe.
    expect(await leadMessages(plainLead.id)).toMatchObject([{ step: 0, status: 'sent' }])
    const [mail] = await mailTo(noConsent)
    expect(mail.headers?.['List-Unsubscribe']).toBeUndefined()

    // A marketing automation skips the lead who never consented.
    const marketingTenant = await studio()
    await leadAutomation(marketingTenant)
    const unconsented = await newLead(marketingTenant, `nope-${marketingTenant.slice(0, 8)}@example.test`, false)
    await runJobs()
    expect(await leadMessages(unconsented.id)).toMatchObject([{ step: 0, status: 'skipped', reason: 'no_consent' }])
  }, 120_000)

  it('a lead who converts is stopped with lead_converted; a converted lead is not enrolled', async () => {
    const { studio, runJobs, mailTo, q } = kit()
    const tenant = await studio()
    // The first step an hour away: the lead joins before it comes due.
    await leadAutomation(tenant, { firstDelay: 60 })
    const email = `cora-${tenant.slice(0, 8)}@example.test`
    const lead = await newLead(tenant, email)
    await runJobs()
    const [enrolment] = await enrolmentsOf(lead.id)
    expect(enrolment.status).toBe('pending')
    await createPerson(app.payload, { tenant, email })
    await runJobs() // member.created converts the lead
    const [converted] = await q<{ status: string }>(sql`SELECT status::text FROM leads WHERE id = ${lead.id}`)
    expect(converted.status).toBe('converted')
    const outcome = await sendAutomationStep(
      await createLocalReq({}, app.payload),
      { automationLog: enrolment.id, step: 0 },
      rules,
      new Date(Date.now() + 61 * 60_000),
    )
    expect(outcome).toEqual({ status: 'stopped', reason: 'lead_converted' })
    expect(await enrolmentsOf(lead.id)).toMatchObject([{ status: 'skipped', result: 'lead_converted' }])
    expect(await mailTo(email)).toHaveLength(0)

    // A member's address captured as a lead later is not enrolled (the member's own automations apply).
    const member = await createPerson(app.payload, { tenant, email: `mo-${tenant.slice(0, 8)}@example.test` })
    const late = await newLead(tenant, member.user.email)
    await handleTriggerEvent(
      await createLocalReq({}, app.payload),
      leadCreated(tenant, late.id, member.user.email),
      hitOf(late.id, member.user.email),
    )
    expect(await enrolmentsOf(late.id)).toHaveLength(0)
  }, 120_000)
})
