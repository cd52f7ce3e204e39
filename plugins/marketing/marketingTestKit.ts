import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, type SQL } from '@/core'
import { createPerson, createTenant } from '@/core/testing'
import type { Automation } from '@/payload-types'

type StepIn = { channel: 'email' | 'sms' | 'in_app'; delayMinutes?: number; subject?: string; body: string }

/** Tenants, members, automations and the jobs runner for the marketing tests. */
export const marketingTestKit = (payload: Payload) => {
  const q = <Row = Record<string, unknown>>(query: SQL) => runSql<Row>({ payload, transactionID: undefined }, query)

  /** A tenant; `quiet: false` turns its quiet hours off (an empty window) so sends go at any hour. */
  const studio = async ({
    quiet = false,
    timezone = 'America/New_York',
  }: { quiet?: boolean; timezone?: string } = {}) => {
    const tenant = String((await createTenant(payload, { timezone })).id)
    if (!quiet)
      await payload.update({
        collection: 'tenant-settings',
        where: { tenant: { equals: tenant } },
        data: { marketing: { quietHours: { start: '00:00', end: '00:00' } } },
      })
    return tenant
  }

  const automation = async (
    tenant: string,
    data: {
      name?: string
      triggerEvent?: Automation['triggerEvent']
      purpose?: 'marketing' | 'transactional'
      steps: StepIn[]
    } & Partial<Pick<Automation, 'triggerCondition' | 'cooldownDays' | 'triggerDays' | 'status'>>,
  ) =>
    payload.create({
      collection: 'automations',
      data: {
        tenant,
        name: data.name ?? 'Test automation',
        triggerEvent: data.triggerEvent ?? 'member.created',
        purpose: data.purpose ?? 'marketing',
        status: data.status ?? 'active',
        cooldownDays: data.cooldownDays ?? 0,
        triggerDays: data.triggerDays,
        triggerCondition: data.triggerCondition,
        steps: data.steps.map((s) => ({ delayMinutes: 0, ...s })),
      },
    })

  /** A member (role member), with open consents of the given types and a profile. */
  const member = async (
    tenant: string,
    {
      consents = [],
      profile,
    }: {
      consents?: ('email_marketing' | 'sms')[]
      profile?: { timezone?: string; phone?: string; displayName?: string }
    } = {},
  ) => {
    const person = await createPerson(payload, { tenant, roles: ['member'] })
    const id = String(person.membership!.id)
    if (profile) await payload.update({ collection: 'tenant-memberships', id, data: { profile } })
    for (const type of consents)
      await payload.create({
        collection: 'consents',
        data: { tenant, member: id, type, grantedAt: new Date().toISOString() },
      })
    return { id, user: person.user, email: person.user.email }
  }

  /** Runs due jobs until none is left (delays in the future stay queued). */
  const runJobs = async () => {
    for (let round = 0; round < 8; round++) {
      const [{ n }] = await q<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE AND processing IS NOT TRUE
              AND (wait_until IS NULL OR wait_until <= now())`,
      )
      if (n === 0) return
      await payload.jobs.run({ limit: 200 })
    }
  }

  const messageLogs = (member: string) =>
    q<{
      id: string
      channel: string
      status: string
      reason: string | null
      type: string
      provider: string | null
      provider_message_id: string | null
      subject: string | null
      step: number | null
    }>(
      sql`SELECT id, channel::text, status::text, reason, type::text, provider, provider_message_id, subject, step FROM message_logs
          WHERE member_id = ${member} ORDER BY created_at`,
    )

  const enrolments = (member: string) =>
    q<{ id: string; automation_id: string; status: string; occurrence_key: string }>(
      sql`SELECT id, automation_id, status::text, occurrence_key FROM automation_logs WHERE member_id = ${member}`,
    )

  /** The mail written by the file adapter to `to`. */
  const mailTo = async (to: string) => {
    const dir = path.join(process.env.DATA_DIR ?? '.data', 'mail')
    const files = await readdir(dir).catch(() => [])
    const mails: { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> }[] = []
    for (const file of files) {
      const mail = JSON.parse(await readFile(path.join(dir, file), 'utf8'))
      if (mail.to === to) mails.push(mail)
    }
    return mails
  }

  return { q, studio, automation, member, runJobs, messageLogs, enrolments, mailTo }
}
