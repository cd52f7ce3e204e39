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

/**
 * The member's group in this automation, assigned once: one INSERT … ON CONFLICT DO NOTHING on
 * U(automation, member) (racing enrolments insert one row; the losers wait for it), then the
 * stored row is read, so a member re-entering after the cooldown keeps their group even if the
 * weights have changed since.
 */
export const assignVariant = async (
  req: PayloadRequest,
  input: { tenant: string; automation: Experiment; member: string; now?: Date },
): Promise<string> => {
  const t = automationAssignmentsTable(req)
  const automation = String(input.automation.id)
  const bucket = bucketOf(automation, input.member)
  const variant = variantOfBucket(input.automation, bucket)
  const at = (input.now ?? new Date()).toISOString()
  const [inserted] = await runSql<{ variant: string }>(
    req,
    sql`INSERT INTO ${t} (${t.tenant}, ${t.automation}, ${t.member}, ${t.variant}, ${t.bucket}, ${t.assignedAt}, ${t.createdAt}, ${t.updatedAt})
        VALUES (${input.tenant}, ${automation}, ${input.member}, ${variant}, ${bucket}, ${at}::timestamptz, now(), now())
        ON CONFLICT (${sql.raw(t.$column.automation)}, ${sql.raw(t.$column.member)}) DO NOTHING
        RETURNING ${t.variant} AS variant`,
  )
  if (inserted) return inserted.variant
  return (await storedVariant(req, automation, input.member)) ?? variant
}

/** The member's stored group in an automation, if assigned. */
export const storedVariant = async (
  req: PayloadRequest,
  automation: string,
  member: string,
): Promise<string | null> => {
  const t = automationAssignmentsTable(req)
  const [row] = await runSql<{ variant: string }>(
    req,
    sql`SELECT ${t.variant} AS variant FROM ${t} WHERE ${t.automation} = ${automation} AND ${t.member} = ${member}`,
  )
  return row?.variant ?? null
}
