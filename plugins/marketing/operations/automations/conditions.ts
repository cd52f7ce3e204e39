import { z } from 'zod'

/**
 * The condition language of `triggerCondition`: every rule must hold. A rule reads a member fact
 * (`member.status`, `member.tags`) or a fact of the trigger event (`event.<key>`), e.g.
 *
 *   { "all": [{ "field": "member.tags", "op": "contains", "value": "vip" },
 *             { "field": "event.late", "op": "eq", "value": true }] }
 *
 * Member rules are checked again when each step is sent (and in the audience preview, in SQL).
 */
const scalar = z.union([z.string(), z.number(), z.boolean()])
export const conditionRuleSchema = z
  .object({
    field: z
      .string()
      .regex(
        /^(member\.(status|tags)|event\.[A-Za-z][A-Za-z0-9_]*)$/,
        'must be member.status, member.tags or event.<key>',
      ),
    op: z.enum(['eq', 'neq', 'in', 'contains', 'gte', 'lte', 'exists']),
    value: z.union([scalar, z.array(scalar)]).optional(),
  })
  .strict()
  .refine((r) => r.op === 'exists' || r.value !== undefined, { message: 'needs a value' })
  .refine((r) => r.op !== 'in' || Array.isArray(r.value), { message: '`in` needs a list' })

export const triggerConditionSchema = z.object({ all: z.array(conditionRuleSchema).max(20) }).strict()

export type ConditionRule = z.infer<typeof conditionRuleSchema>
export type TriggerCondition = z.infer<typeof triggerConditionSchema>

/** The facts a condition reads. */
export type ConditionFacts = { member: { status: string; tags: string[] }; event: Record<string, unknown> }

/** Parses a stored condition (`null`/`{}` = no rules); throws a ZodError on a malformed one. */
export const parseCondition = (value: unknown): TriggerCondition =>
  value == null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    ? { all: [] }
    : triggerConditionSchema.parse(value)

/** Payload field validation of `triggerCondition`. */
export const validateCondition = (value: unknown): true | string => {
  if (value == null || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0))
    return true
  const result = triggerConditionSchema.safeParse(value)
  return result.success
    ? true
    : `Invalid condition: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`
}

const read = (facts: ConditionFacts, field: string): unknown => {
  if (field === 'member.status') return facts.member.status
  if (field === 'member.tags') return facts.member.tags
  return facts.event[field.slice('event.'.length)]
}

const holds = (rule: ConditionRule, facts: ConditionFacts): boolean => {
  const actual = read(facts, rule.field)
  const expected = rule.value
  switch (rule.op) {
    case 'exists':
      return actual !== undefined && actual !== null && actual !== ''
    case 'eq':
      return Array.isArray(actual) ? actual.includes(expected) : actual === expected
    case 'neq':
      return Array.isArray(actual) ? !actual.includes(expected) : actual !== expected
    case 'in':
      return (
        Array.isArray(expected) && expected.some((v) => (Array.isArray(actual) ? actual.includes(v) : v === actual))
      )
    case 'contains':
      return Array.isArray(actual)
        ? actual.includes(expected)
        : typeof actual === 'string' && actual.includes(String(expected))
    case 'gte':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected
    case 'lte':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected
  }
}

/** Whether every rule holds; `onlyMember` skips event rules (the event is gone at send time). */
export const conditionHolds = (condition: TriggerCondition, facts: ConditionFacts, onlyMember = false): boolean =>
  condition.all.every((rule) => (onlyMember && rule.field.startsWith('event.')) || holds(rule, facts))
