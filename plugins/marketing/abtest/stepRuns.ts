import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { trackedMessageLogsTable } from '../operations/tracking/trackingTable' // Open and click tracking
import { hasCollection, runSql } from '@/core'
import type { Automation } from '@/payload-types'
import { BOOKED_STATUSES, PAID_STATUSES, enrolmentStepsTable, goalBookingsTable, goalOrdersTable } from './abTables'
import {
  branchConditionSchema,
  branchHolds,
  enrolmentFactsRead,
  hasBranch,
  parseTarget,
  type BranchTarget,
  type EnrolmentFact,
  type StepBranch,
} from './branching'
import type { ConditionFacts } from '../operations/automations/conditions'

/**
 * Records one run of a step on the enrolment: `currentStep` (0-based) and an entry appended to
 * `metadata.runs` ({ step, outcome, at }), in one UPDATE.
 */
export const recordStepRun = async (
  req: PayloadRequest,
  log: string,
  step: number,
  outcome: string,
  now = new Date(),
): Promise<void> => {
  const l = enrolmentStepsTable(req)
  const entry = JSON.stringify([{ step, outcome, at: now.toISOString() }])
  await runSql(
    req,
    sql`UPDATE ${l} SET ${l.currentStep} = ${step},
               ${l.metadata} = jsonb_set(coalesce(${l.metadata}, '{}'::jsonb), '{runs}',
                                         coalesce(${l.metadata}->'runs', '[]'::jsonb) || ${entry}::jsonb),
               ${l.updatedAt} = now()
        WHERE ${l.id} = ${log}`,
  )
}

/** The enrolment facts a branch reads, counted in SQL since the enrolment (0 without the plugin). */
export const enrolmentCounts = async (
  req: PayloadRequest,
  facts: EnrolmentFact[],
  input: { tenant: string; member: string | null; since: string },
): Promise<Partial<Record<EnrolmentFact, number>>> => {
  const counts: Partial<Record<EnrolmentFact, number>> = {}
  if (facts.includes('enrolment.bookings')) {
    counts['enrolment.bookings'] = 0
    if (input.member && hasCollection(req.payload, 'bookings')) {
      const b = goalBookingsTable(req)
      const [row] = await runSql<{ n: number }>(
        req,
        sql`SELECT count(*)::int AS n FROM ${b} WHERE ${b.tenant} = ${input.tenant} AND ${b.member} = ${input.member}
              AND ${b.createdAt} >= ${input.since}::timestamptz
              AND ${b.status}::text IN (${sql.join(
                BOOKED_STATUSES.map((s) => sql`${s}`),
                sql`, `,
              )})`,
      )
      counts['enrolment.bookings'] = row?.n ?? 0
    }
  }
  if (facts.includes('enrolment.orders')) {
    counts['enrolment.orders'] = 0
    if (input.member && hasCollection(req.payload, 'orders')) {
      const o = goalOrdersTable(req)
      const [row] = await runSql<{ n: number }>(
        req,
        sql`SELECT count(*)::int AS n FROM ${o} WHERE ${o.tenant} = ${input.tenant} AND ${o.member} = ${input.member}
              AND ${o.purchasedAt} >= ${input.since}::timestamptz
              AND ${o.status}::text IN (${sql.join(
                PAID_STATUSES.map((s) => sql`${s}`),
                sql`, `,
              )})`,
      )
      counts['enrolment.orders'] = row?.n ?? 0
    }
  }
  return counts
}

/**
 * Where a step's branch leads when the step comes due: `send` (no branch, or the branch says so),
 * `end`, or a later step number (1-based). A stored condition that no longer parses ends the
 * enrolment rather than guessing.
 */
export const routeStep = async (
  req: PayloadRequest,
  branch: StepBranch | null | undefined,
  input: {
    tenant: string
    /** Null for a lead (Lead recipients): it has no bookings or orders, so those facts count 0. */
    member: string | null
    since: string
    facts: ConditionFacts
    /** The enrolment and this step (0-based): `message.*` rules read the previous step's message. */
    automationLog?: string
    step?: number
  },
): Promise<BranchTarget> => {
  if (!hasBranch(branch)) return 'send'
  const parsed = branchConditionSchema.safeParse(branch.condition)
  if (!parsed.success) return 'end'
  const counts = await enrolmentCounts(req, enrolmentFactsRead(parsed.data), input)
  // ---- Open and click tracking ----
  const readsMessage = parsed.data.all.some((r) => r.field === 'message.opened' || r.field === 'message.clicked')
  const message =
    readsMessage && input.automationLog && input.step !== undefined
      ? await previousMessageEngagement(req, input.automationLog, input.step)
      : {}
  // ---- /Open and click tracking ----
  const holds = branchHolds(parsed.data, input.facts, counts, message)
  return (holds ? parseTarget(branch.ifTrue, 'send') : parseTarget(branch.ifFalse, 'end')) ?? 'end'
}

/** The subject and body of a step for a variant (its override, else the step's own). */
export const stepTextFor = (
  automation: Pick<Automation, 'variants'>,
  variant: string | null,
  stepIndex: number,
  step: { subject?: string | null; body: string },
): { subject: string | null | undefined; body: string } => {
  const override = automation.variants?.find((v) => v.key === variant)?.overrides?.find((o) => o.step === stepIndex + 1)
  return { subject: override?.subject || step.subject, body: override?.body || step.body }
}

// ---- Open and click tracking ----
/** Opened / clicked of the enrolment's latest message from a step before `step` (none: both false). */
const previousMessageEngagement = async (
  req: PayloadRequest,
  automationLog: string,
  step: number,
): Promise<{ 'message.opened': boolean; 'message.clicked': boolean }> => {
  const ml = trackedMessageLogsTable(req)
  const [row] = await runSql<{ opened: boolean; clicked: boolean }>(
    req,
    sql`SELECT ${ml.openedAt} IS NOT NULL AS opened, ${ml.clickedAt} IS NOT NULL AS clicked FROM ${ml}
        WHERE ${ml.automationLog} = ${automationLog} AND ${ml.step} < ${step}
        ORDER BY ${ml.step} DESC LIMIT 1`,
  )
  return { 'message.opened': Boolean(row?.opened), 'message.clicked': Boolean(row?.clicked) }
}
// ---- /Open and click tracking ----
