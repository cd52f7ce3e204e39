import type { TaskConfig } from 'payload'
import { MAX_ATTEMPTS, sendAutomationStep, type StepRules } from '../operations/messaging/sendAutomationStep'
import { smsAdapterFromEnv } from '../channels/sms/smsAdapterFromEnv'
import { SEND_AUTOMATION_STEP_TASK } from './queueAutomationStep'

/** Sends one step of an enrolment when due (queued with `waitUntil`); see `sendAutomationStep`. */
export const sendAutomationStepTask = (
  rules: Omit<StepRules, 'smsAdapter'> & Partial<Pick<StepRules, 'smsAdapter'>>,
): TaskConfig => ({
  slug: SEND_AUTOMATION_STEP_TASK,
  label: 'Send an automation step',
  retries: { attempts: MAX_ATTEMPTS, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'automationLog', type: 'text', required: true },
    { name: 'step', type: 'number', required: true },
  ],
  outputSchema: [
    { name: 'status', type: 'text' },
    { name: 'detail', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const { automationLog, step } = input as { automationLog: string; step: number }
    const outcome = await sendAutomationStep(
      req,
      { automationLog, step },
      { ...rules, smsAdapter: rules.smsAdapter ?? smsAdapterFromEnv() },
    )
    const detail =
      outcome.status === 'deferred'
        ? outcome.until
        : outcome.status === 'stopped' || outcome.status === 'skipped'
          ? outcome.reason
          : ''
    return { output: { status: outcome.status, detail } }
  },
})
