import { createHash } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { Automation } from '@/payload-types'
import { automationAssignmentsTable } from './abTables'
import { DEFAULT_VARIANT, HOLDOUT } from './experimentFields'

export type Experiment = Pick<Automation, 'id' | 'variants' | 'holdoutPercent'>

/** Whether an automation splits its members (variants or a holdout). */
export const isExperiment = (a: Partial<Experiment>): boolean =>
  (a.variants?.length ?? 0) > 0 || (a.holdoutPercent ?? 0) > 0

/** A stable bucket 0–9999 of (automation, member). */
export const bucketOf = (automation: string, member: string): number =>
  createHash('sha256').update(`${automation}:${member}`).digest().readUInt32BE(0) % 10_000

/** The group a bucket falls in: the first `holdoutPercent` % are the holdout, the rest split by weight. */
export const variantOfBucket = (a: Pick<Experiment, 'variants' | 'holdoutPercent'>, bucket: number): string => {
  const cut = Math.round(Math.min(50, Math.max(0, a.holdoutPercent ?? 0)) * 100)
  if (bucket < cut) return HOLDOUT
  const variants = (a.variants ?? []).filter((v) => (v.weight ?? 0) > 0)
  if (variants.length === 0) return DEFAULT_VARIANT
  const total = variants.reduce((s, v) => s + (v.weight ?? 0), 0)
  const point = ((bucket - cut) / (10_000 - cut)) * total
  let acc = 0
  for (const v of variants) {
    acc += v.weight ?? 0
    if (point < acc) return v.key
  }
  return variants[variants.length - 1].key
}

/** Who is split: a member, or (New lead trigger) a lead. mkt_rest: lead A/B */
export type Recipient = { member: string; lead?: null } | { member?: null; lead: string }

/**
 * The recipient's group in this automation, assigned once: one INSERT … ON CONFLICT DO NOTHING on
 * U(automation, member) or U(automation, lead) (racing enrolments insert one row; the losers wait
 * for it), then the stored row is read, so a member re-entering after the cooldown keeps their
 * group even if the weights have changed since. A lead's bucket is taken over `lead:<id>`.
 */
export const assignVariant = async (
  req: PayloadRequest,
  input: { tenant: string; automation: Experiment; now?: Date } & Recipient,
): Promise<string> => {
  const t = automationAssignmentsTable(req)
  const automation = String(input.automation.id)
  const lead = input.lead ?? null
  const member = lead ? null : (input.member ?? null)
  const bucket = bucketOf(automation, lead ? `lead:${lead}` : String(member))
  const variant = variantOfBucket(input.automation, bucket)
  const at = (input.now ?? new Date()).toISOString()
  const target = lead
    ? sql`(${sql.raw(t.$column.automation)}, ${sql.raw(t.$column.lead)})`
    : sql`(${sql.raw(t.$column.automation)}, ${sql.raw(t.$column.member)})`
  const [inserted] = await runSql<{ variant: string }>(
    req,
    sql`INSERT INTO ${t} (${t.tenant}, ${t.automation}, ${t.member}, ${t.lead}, ${t.variant}, ${t.bucket}, ${t.assignedAt}, ${t.createdAt}, ${t.updatedAt})
        VALUES (${input.tenant}, ${automation}, ${member}::uuid, ${lead}::uuid, ${variant}, ${bucket}, ${at}::timestamptz, now(), now())
        ON CONFLICT ${target} DO NOTHING
        RETURNING ${t.variant} AS variant`,
  )
  if (inserted) return inserted.variant
  return (await storedVariant(req, automation, lead ? { lead } : { member: String(member) })) ?? variant
}

/** The member's (or lead's) stored group in an automation, if assigned. */
export const storedVariant = async (
  req: PayloadRequest,
  automation: string,
  who: Recipient,
): Promise<string | null> => {
  const t = automationAssignmentsTable(req)
  const match = who.lead ? sql`${t.lead} = ${who.lead}` : sql`${t.member} = ${who.member ?? null}`
  const [row] = await runSql<{ variant: string }>(
    req,
    sql`SELECT ${t.variant} AS variant FROM ${t} WHERE ${t.automation} = ${automation} AND ${match}`,
  )
  return row?.variant ?? null
}
