import type { ArrayField, Field, SelectField } from 'payload'
import { array as arrayValidation, select as selectValidation } from 'payload/shared'
import { validateBranches } from './branching'

/** The reserved group name of members who receive nothing. */
export const HOLDOUT = 'holdout'
/** The group of members when an automation has a holdout but no variants (they get the steps as written). */
export const DEFAULT_VARIANT = 'default'

type VariantIn = {
  key?: string | null
  weight?: number | null
  overrides?: { step?: number | null }[] | null
}

/** Validation of `variants` (400 on save): keys unique and well-formed, overrides name existing steps. */
export const validateVariants = (
  variants: VariantIn[] | null | undefined,
  steps: unknown[] | null | undefined,
): true | string => {
  const problems: string[] = []
  const seen = new Set<string>()
  const count = steps?.length ?? 0
  for (const v of variants ?? []) {
    const key = v?.key ?? ''
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(key))
      problems.push(`Variant key "${key}" must be 1–20 letters, digits, "-" or "_".`)
    else if (key === HOLDOUT || key === DEFAULT_VARIANT) problems.push(`Variant key "${key}" is reserved.`)
    else if (seen.has(key)) problems.push(`Variant key "${key}" is used twice.`)
    seen.add(key)
    for (const o of v?.overrides ?? [])
      if (o?.step != null && (o.step < 1 || o.step > count))
        problems.push(`Variant "${key}" overrides step ${o.step}, which does not exist (${count} steps).`)
  }
  return problems.length ? problems.join(' ') : true
}

/** The branch group added to each step. */
export const branchField: Field = {
  name: 'branch',
  type: 'group',
  admin: {
    description:
      'Optional: checked when the step comes due. Condition like the trigger condition, plus enrolment.bookings / enrolment.orders (counted since enrolment). Targets: send (this step, then the next), end, or a later step number.',
  },
  fields: [
    { name: 'condition', type: 'json' },
    { name: 'ifTrue', type: 'text', defaultValue: 'send' },
    { name: 'ifFalse', type: 'text', defaultValue: 'end' },
  ],
}

/** Adds the branch to each step and validates every branch (targets exist, forward only). */
export const withBranchingSteps = (steps: ArrayField): ArrayField => {
  const own = steps.validate ?? arrayValidation
  return {
    ...steps,
    fields: [...steps.fields, branchField],
    validate: async (value, options) => {
      const base = await own(value, options)
      if (base !== true) return base
      return validateBranches(Array.isArray(value) ? (value as { branch?: never }[]) : [])
    },
  }
}

// ---- mkt_rest: lead A/B ----
/** What counts as a conversion in the A/B report (`goalType`). */
export const GOAL_TYPES = ['booking_or_order', 'booking', 'order', 'conversion'] as const
export type GoalType = (typeof GOAL_TYPES)[number]
/** The trigger whose recipients are leads (New lead). */
export const LEAD_TRIGGER = 'lead.created'

/**
 * Which goal fits which trigger (400 on save): `conversion` (the lead becomes a member) means
 * nothing for a member, who has already joined, so only New lead automations may use it. Bookings
 * and orders apply to both: for a lead they are those of the member it converted into.
 */
export const goalTypeProblem = (goalType: unknown, triggerEvent: unknown): string | null =>
  goalType === 'conversion' && triggerEvent !== LEAD_TRIGGER
    ? 'The goal "Becomes a member" applies to New lead automations only: a member has already joined. Choose a booking or a paid order.'
    : null
// ---- end mkt_rest ----

/** mkt_rest: what the A/B report counts (400 on save for `conversion` outside New lead). */
const goalTypeField: SelectField = {
  name: 'goalType',
  type: 'select',
  defaultValue: 'booking_or_order',
  options: [
    { label: 'A booking or a paid order', value: 'booking_or_order' },
    { label: 'A booking', value: 'booking' },
    { label: 'A paid order', value: 'order' },
    { label: 'Becomes a member (New lead only)', value: 'conversion' },
  ],
  admin: {
    description:
      'What the A/B report counts within the goal window. For a New lead automation, bookings and orders are those of the member the lead became.',
  },
  validate: (value, options) => {
    const base = selectValidation(value, options)
    if (base !== true) return base
    return goalTypeProblem(value, (options.siblingData as { triggerEvent?: unknown } | undefined)?.triggerEvent) ?? true
  },
}

/** The A/B fields of a tenant automation: variants with weights, the holdout share and the goal window. */
export const experimentFields = (): Field[] => [
  {
    name: 'variants',
    type: 'array',
    maxRows: 5,
    admin: {
      description:
        'A/B split: each member is assigned once per automation (by weight) and keeps the variant on re-entry. Overrides replace a step’s subject/body.',
    },
    validate: async (value, options) => {
      const base = await arrayValidation(value, options)
      if (base !== true) return base
      const steps = (options.siblingData as { steps?: unknown } | undefined)?.steps
      return validateVariants(Array.isArray(value) ? (value as VariantIn[]) : [], Array.isArray(steps) ? steps : [])
    },
    fields: [
      { name: 'key', type: 'text', required: true },
      { name: 'weight', type: 'number', required: true, defaultValue: 50, min: 1, max: 100 },
      {
        name: 'overrides',
        type: 'array',
        maxRows: 10,
        fields: [
          { name: 'step', type: 'number', required: true, min: 1, max: 10 },
          { name: 'subject', type: 'text' },
          { name: 'body', type: 'textarea' },
        ],
      },
    ],
  },
  {
    name: 'holdoutPercent',
    type: 'number',
    defaultValue: 0,
    min: 0,
    max: 50,
    admin: { description: 'Share of members (0–50 %) enrolled but sent nothing, to measure uplift.' },
  },
  {
    name: 'goalDays',
    type: 'number',
    defaultValue: 14,
    min: 1,
    max: 365,
    admin: { description: 'Goal: a booking or a paid order within this many days of enrolment.' },
  },
  goalTypeField, // mkt_rest: lead A/B
]
