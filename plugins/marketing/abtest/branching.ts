import { z } from 'zod'
import {
  conditionHolds,
  conditionRuleSchema,
  type ConditionFacts,
  type TriggerCondition,
} from '../operations/automations/conditions'

/**
 * Branching steps. A step may carry a `branch`: a condition checked when the step comes due
 * (after its delay), and where to go when it holds (`ifTrue`) and when it does not (`ifFalse`):
 *
 * - `send`: send this step, then go on to the next one;
 * - `end`: send nothing more (the enrolment completes);
 * - a step number (1-based) after this one: skip to that step (queued after its own delay).
 *
 * Only forward jumps are allowed, so a sequence always ends. The condition is the language of
 * `triggerCondition` plus facts of the enrolment, counted in SQL when the step runs:
 * `enrolment.bookings` (bookings made since enrolment, not cancelled) and `enrolment.orders`
 * (paid orders since enrolment), e.g. `{"all":[{"field":"enrolment.bookings","op":"gte","value":1}]}`.
 */
export const ENROLMENT_FACTS = ['enrolment.bookings', 'enrolment.orders'] as const
export type EnrolmentFact = (typeof ENROLMENT_FACTS)[number]

const enrolmentRuleSchema = z
  .object({
    field: z.enum(ENROLMENT_FACTS),
    op: z.enum(['eq', 'neq', 'gte', 'lte']),
    value: z.number().int().min(0),
  })
  .strict()

// ---- Open and click tracking ----
/**
 * Whether the member opened / clicked the enrolment's previous e-mail (the latest message of an
 * earlier step; none → false), e.g. `{"all":[{"field":"message.opened","op":"eq","value":false}]}`.
 */
export const MESSAGE_FACTS = ['message.opened', 'message.clicked'] as const
export type MessageFact = (typeof MESSAGE_FACTS)[number]
const messageRuleSchema = z
  .object({ field: z.enum(MESSAGE_FACTS), op: z.enum(['eq', 'neq']), value: z.boolean() })
  .strict()
// ---- /Open and click tracking ----

export const branchRuleSchema = z.union([enrolmentRuleSchema, messageRuleSchema, conditionRuleSchema])
export const branchConditionSchema = z.object({ all: z.array(branchRuleSchema).min(1).max(20) }).strict()
export type BranchCondition = z.infer<typeof branchConditionSchema>

export type BranchTarget = 'send' | 'end' | number

export type StepBranch = {
  condition?: unknown
  ifTrue?: string | null
  ifFalse?: string | null
}

const isEmpty = (value: unknown) =>
  value == null ||
  value === '' ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)

/** Whether a step carries a branch (a non-empty condition). */
export const hasBranch = (branch: StepBranch | null | undefined): branch is StepBranch & { condition: unknown } =>
  Boolean(branch) && !isEmpty(branch?.condition)

/** `send`, `end` or a 1-based step number; null when malformed. */
export const parseTarget = (value: string | null | undefined, fallback: BranchTarget): BranchTarget | null => {
  if (value == null || value === '') return fallback
  if (value === 'send' || value === 'end') return value
  return /^[1-9][0-9]?$/.test(value) ? Number(value) : null
}

type StepLike = { branch?: StepBranch | null } | null | undefined

/**
 * Validation of the `steps` array (Payload field validation: a string is a 400 naming it): every
 * branch condition parses, every target is `send`, `end` or a later step that exists.
 */
export const validateBranches = (steps: StepLike[] | null | undefined): true | string => {
  const list = steps ?? []
  const problems: string[] = []
  list.forEach((step, i) => {
    const n = i + 1
    const branch = step?.branch
    if (!hasBranch(branch)) return
    const parsed = branchConditionSchema.safeParse(branch.condition)
    if (!parsed.success)
      problems.push(
        `Step ${n}: invalid branch condition: ${parsed.error.issues.map((x) => `${x.path.join('.') || '(root)'} ${x.message}`).join('; ')}`,
      )
    for (const [name, value, fallback] of [
      ['if true', branch.ifTrue, 'send'],
      ['if false', branch.ifFalse, 'end'],
    ] as const) {
      const target = parseTarget(value, fallback)
      if (target === null) problems.push(`Step ${n}: "${name}" must be send, end or a step number.`)
      else if (typeof target === 'number' && target <= n)
        problems.push(`Step ${n}: "${name}" may only jump forward (to a step after ${n}), not to step ${target}.`)
      else if (typeof target === 'number' && target > list.length)
        problems.push(`Step ${n}: "${name}" jumps to step ${target}, which does not exist (${list.length} steps).`)
    }
  })
  return problems.length ? problems.join(' ') : true
}

/** Which enrolment facts a condition reads (so only those are counted). */
export const enrolmentFactsRead = (condition: BranchCondition): EnrolmentFact[] =>
  ENROLMENT_FACTS.filter((f) => condition.all.some((r) => r.field === f))

/** Whether every rule holds, given the member's facts and the counted enrolment facts. */
export const branchHolds = (
  condition: BranchCondition,
  facts: ConditionFacts,
  counts: Partial<Record<EnrolmentFact, number>>,
  message: Partial<Record<MessageFact, boolean>> = {}, // Open and click tracking
): boolean =>
  condition.all.every((rule) => {
    // ---- Open and click tracking ----
    if (rule.field === 'message.opened' || rule.field === 'message.clicked') {
      const r = rule as z.infer<typeof messageRuleSchema>
      const actual = message[r.field] ?? false
      return r.op === 'eq' ? actual === r.value : actual !== r.value
    }
    // ---- /Open and click tracking ----
    if (rule.field === 'enrolment.bookings' || rule.field === 'enrolment.orders') {
      const r = rule as z.infer<typeof enrolmentRuleSchema>
      const actual = counts[r.field] ?? 0
      if (r.op === 'eq') return actual === r.value
      if (r.op === 'neq') return actual !== r.value
      if (r.op === 'gte') return actual >= r.value
      return actual <= r.value
    }
    const single: TriggerCondition = { all: [rule as z.infer<typeof conditionRuleSchema>] }
    return conditionHolds(single, facts)
  })
