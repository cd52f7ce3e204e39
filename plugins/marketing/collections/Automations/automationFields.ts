import type { Field } from 'payload'
import { TRIGGER_OPTIONS, isTimeTrigger } from '../../operations/automations/triggers'
import { validateCondition } from '../../operations/automations/conditions'

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
      description: 'N of a time trigger: days without a visit.',
      condition: (data) => typeof data?.triggerEvent === 'string' && data.triggerEvent === 'time.no_visit',
    },
    validate: (value: number | null | undefined, { siblingData }: { siblingData: Record<string, unknown> }) =>
      siblingData?.triggerEvent === 'time.no_visit' && (value == null || value < 1)
        ? 'A "no visit" trigger needs the number of days (1 or more).'
        : true,
  },
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
      { name: 'channel', type: 'select', required: true, defaultValue: 'email', options: [...STEP_CHANNELS] },
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
