import type { Field } from 'payload'
import { LEAD_TRIGGER, TRIGGER_OPTIONS, isTimeTrigger } from '../../operations/automations/triggers'
import { validateCondition } from '../../operations/automations/conditions'

/** Time triggers whose N is `triggerDays`. */
const DAYS_TRIGGERS: string[] = ['time.no_visit', 'time.intro_ending', 'time.pack_expiring', 'time.membership_expiring']

export const STEP_CHANNELS = ['email', 'sms', 'in_app', 'push'] as const

/** The fields of an automation, shared by tenant automations and the platform's templates. */
export const automationFields = (): Field[] => [
  { name: 'name', type: 'text', required: true },
  { name: 'triggerEvent', type: 'select', required: true, options: TRIGGER_OPTIONS, index: true },
  {
    name: 'triggerDays',
    type: 'number',
    min: 0,
    max: 3650,
    admin: {
      description: 'N of a time trigger: days without a visit, or days before an offer, pack or membership ends.',
      condition: (data) => typeof data?.triggerEvent === 'string' && DAYS_TRIGGERS.includes(data.triggerEvent),
    },
    validate: (value: number | null | undefined, { siblingData }: { siblingData: Record<string, unknown> }) =>
      siblingData?.triggerEvent === 'time.no_visit' && (value == null || value < 1)
        ? 'A "no visit" trigger needs the number of days (1 or more).'
        : typeof siblingData?.triggerEvent === 'string' &&
            DAYS_TRIGGERS.includes(siblingData.triggerEvent) &&
            (value == null || value < 1 || value > 365)
          ? 'This trigger needs the number of days before the end (1 to 365).'
          : true,
  },
  // ---- Holdings triggers ----
  {
    name: 'triggerThreshold',
    type: 'number',
    min: 0,
    max: 10000,
    admin: {
      description:
        'N of "credits at or below N" (the spendable credits at which the member enters) or of "Nth visit" (the check-in that enrols).',
      condition: (data) => data?.triggerEvent === 'time.low_credits' || data?.triggerEvent === 'visit.milestone',
    },
    validate: (value: number | null | undefined, { siblingData }: { siblingData: Record<string, unknown> }) =>
      siblingData?.triggerEvent === 'time.low_credits' && (value == null || !Number.isSafeInteger(value) || value < 0)
        ? 'A "credits at or below N" trigger needs N (a whole number, 0 or more).'
        : // ---- More triggers ----
          siblingData?.triggerEvent === 'visit.milestone' &&
            (value == null || !Number.isSafeInteger(value) || value < 1)
          ? 'An "Nth visit" trigger needs N (a whole number, 1 or more).'
          : true,
  },
  // ---- /Holdings triggers ----
  {
    name: 'triggerCondition',
    type: 'json',
    validate: validateCondition,
    admin: {
      description:
        'Optional rules that must all hold, e.g. {"all":[{"field":"member.tags","op":"contains","value":"vip"}]}. Fields: member.status, member.tags, event.<key>; ops: eq, neq, in, contains, gte, lte, exists.',
    },
  },
  {
    name: 'purpose',
    type: 'select',
    required: true,
    defaultValue: 'marketing',
    options: ['marketing', 'transactional'],
    admin: { description: 'Marketing messages need consent and keep quiet hours and the frequency cap.' },
  },
  {
    name: 'steps',
    type: 'array',
    required: true,
    minRows: 1,
    maxRows: 10,
    fields: [
      {
        name: 'delayMinutes',
        type: 'number',
        required: true,
        defaultValue: 0,
        min: 0,
        admin: { description: 'Minutes after the previous step (after enrolment for the first).' },
      },
      {
        name: 'channel',
        type: 'select',
        required: true,
        defaultValue: 'email',
        options: [...STEP_CHANNELS],
        // ---- Lead recipients ----
        // A lead is reached by e-mail only: it has no account (in-app, push) and gave no SMS consent.
        validate: (value: unknown, { data }: { data: Record<string, unknown> }) =>
          data?.triggerEvent === LEAD_TRIGGER && value !== 'email'
            ? 'A "New lead" automation sends e-mail only: every step’s channel must be email.'
            : true,
        // ---- /Lead recipients ----
      },
      { name: 'subject', type: 'text', admin: { description: 'Email subject or notification title.' } },
      {
        name: 'body',
        type: 'textarea',
        required: true,
        admin: { description: 'Placeholders: {{firstName}}, {{name}}, {{studioName}}.' },
      },
    ],
  },
  {
    name: 'status',
    type: 'select',
    required: true,
    defaultValue: 'draft',
    options: ['draft', 'active', 'paused'],
    index: true,
    admin: { position: 'sidebar' },
  },
  {
    name: 'cooldownDays',
    type: 'number',
    required: true,
    defaultValue: 0,
    min: 0,
    admin: { position: 'sidebar', description: 'Days after an enrolment before the member may enter again.' },
  },
]

/** Time triggers name no event: keep the select honest for readers of the data. */
export const describesTimeTrigger = (triggerEvent: string) => isTimeTrigger(triggerEvent)
