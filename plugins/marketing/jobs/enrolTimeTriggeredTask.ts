import type { TaskConfig } from 'payload'
import { enrolTimeTriggered } from '../operations/automations/enrolTimeTriggered'

export const ENROL_TIME_TRIGGERED_TASK = 'enrolTimeTriggered'

/** On its cron (`timeTriggersCron`, hourly): enrols members into the time-triggered automations. */
export const enrolTimeTriggeredTask = (cron: string): TaskConfig => ({
  slug: ENROL_TIME_TRIGGERED_TASK,
  label: 'Enrol members into time-triggered automations',
  schedule: [{ cron, queue: 'default' }],
  outputSchema: [{ name: 'enrolled', type: 'number' }],
  handler: async ({ req }) => ({ output: await enrolTimeTriggered(req) }),
})
