import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, idOf, inTransaction, runSql } from '@/core'
import type { Automation } from '@/payload-types'
import { automationLogsTable } from '../sql/automationsTable'
import { queueAutomationStep } from '../../jobs/queueAutomationStep'
// ---- Branching and A/B ----
import { assignVariant, isExperiment } from '../../abtest/assignVariant'
import { HOLDOUT } from '../../abtest/experimentFields'
// ---- /Branching and A/B ----

export type Enrolment = {
  automation: Pick<Automation, 'id' | 'tenant' | 'triggerEvent' | 'cooldownDays' | 'steps'> &
    Partial<Pick<Automation, 'variants' | 'holdoutPercent'>> // Branching and A/B
  member: string
  /** Lead recipients: enrol this lead instead (`member` is then ignored; its A/B group is the lead's, see README). */
  lead?: string
  occurrenceKey: string
  facts: Record<string, unknown>
  now?: Date
}

/**
 * Enrols a member into an automation, exactly once per (automation, member, occurrence) however
 * many deliveries of the trigger race: one INSERT … ON CONFLICT DO NOTHING on the unique key
 * (which also refuses a re-entry inside the cooldown), then, only for the row this call inserted,
 * the first step's job (after its delay) and `automation.fired`, all in one transaction.
 * Returns the new enrolment's id, or null when the member was already enrolled.
 */
export const enrolMember = async (req: PayloadRequest, e: Enrolment): Promise<string | null> =>
  inTransaction(req, async () => {
    const l = automationLogsTable(req)
    const tenant = idOf(e.automation.tenant)
    if (!tenant) return null
    const now = e.now ?? new Date()
    const cooldown = e.automation.cooldownDays ?? 0
    // ---- Lead recipients ----
    const member = e.lead ? null : e.member
    const lead = e.lead ?? null
    const same = lead ? sql`p.${l.lead} = ${lead}` : sql`p.${l.member} = ${member}`
    // ---- /Lead recipients ----
    const [row] = await runSql<{ id: string }>(
      req,
      sql`INSERT INTO ${l} (${l.tenant}, ${l.automation}, ${l.member}, ${l.lead}, ${l.channel}, ${l.occurrenceKey}, ${l.triggeredAt},
                          ${l.status}, ${l.retryCount}, ${l.metadata}, ${l.createdAt}, ${l.updatedAt})
          SELECT ${tenant}, ${e.automation.id}, ${member}::uuid, ${lead}::uuid, 'sequence', ${e.occurrenceKey}, ${now.toISOString()}::timestamptz,
                 'pending', 0, ${JSON.stringify({ facts: e.facts })}::jsonb, now(), now()
          WHERE ${cooldown} <= 0 OR NOT EXISTS (
            SELECT 1 FROM ${l} p WHERE p.${l.automation} = ${e.automation.id} AND ${same}
              AND p.${l.triggeredAt} > ${now.toISOString()}::timestamptz - make_interval(days => ${cooldown}::int))
          ON CONFLICT DO NOTHING
          RETURNING ${l.id} AS id`,
    )
    if (!row) return null
    // ---- Branching and A/B ----
    // The member's (or lead's: mkt_rest lead A/B) group, assigned once per automation; the holdout
    // is enrolled but sent nothing.
    const variant = !isExperiment(e.automation)
      ? null
      : lead
        ? await assignVariant(req, { tenant, automation: e.automation, lead, now })
        : await assignVariant(req, { tenant, automation: e.automation, member: e.member, now })
    if (variant === HOLDOUT)
      await runSql(
        req,
        sql`UPDATE ${l} SET ${l.status} = 'skipped', ${l.result} = 'holdout', ${l.updatedAt} = now() WHERE ${l.id} = ${row.id}`,
      )
    // ---- /Branching and A/B ----
    const first = e.automation.steps?.[0]
    if (variant !== HOLDOUT)
      await queueAutomationStep(req, {
        automationLog: row.id,
        step: 0,
        waitUntil: new Date(now.getTime() + (first?.delayMinutes ?? 0) * 60_000),
      })
    await emit(req, {
      type: 'automation.fired',
      tenant,
      subject: { collection: 'automation-logs', id: row.id },
      data: {
        automation: String(e.automation.id),
        automationLog: row.id,
        member,
        lead, // Lead recipients
        triggerEvent: e.automation.triggerEvent,
        occurrenceKey: e.occurrenceKey,
      },
    })
    return row.id
  })
