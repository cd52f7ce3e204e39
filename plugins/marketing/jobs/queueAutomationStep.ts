import type { PayloadRequest } from 'payload'

export const SEND_AUTOMATION_STEP_TASK = 'sendAutomationStep'

/** Queues one step of an enrolment, due at `waitUntil` (in the request's transaction). */
export const queueAutomationStep = async (
  req: PayloadRequest,
  input: { automationLog: string; step: number; waitUntil: Date },
): Promise<void> => {
  await req.payload.jobs.queue({
    task: SEND_AUTOMATION_STEP_TASK,
    input: { automationLog: input.automationLog, step: input.step },
    waitUntil: input.waitUntil,
    req,
  })
}
