import type { PayloadRequest } from 'payload'
import type { Automation } from '@/payload-types'
import type { BranchTarget } from '../../abtest/branching'
import { recordStepRun } from '../../abtest/stepRuns'
import { queueAutomationStep } from '../../jobs/queueAutomationStep'
import { finishEnrolment } from './finishEnrolment'

/**
 * Acts on where a step's branch leads (`routeStep`) for a member's or a lead's enrolment: `end`
 * finishes the enrolment, a step number queues that step after its own delay; both record the
 * run and stop this step. `send` returns null: the step sends its message.
 */
export const followRoute = async (
  req: PayloadRequest,
  route: BranchTarget,
  input: { automation: Pick<Automation, 'steps'>; automationLog: string; step: number; now: Date },
): Promise<{ status: 'stopped'; reason: string } | null> => {
  const { automation, automationLog, step, now } = input
  if (route === 'end') {
    await finishEnrolment(req, automationLog, 'sent', 'branch_end')
    await recordStepRun(req, automationLog, step, 'branch:end', now)
    return { status: 'stopped', reason: 'branch_end' }
  }
  if (typeof route === 'number') {
    const target = automation.steps?.[route - 1]
    await recordStepRun(req, automationLog, step, `branch:${route}`, now)
    await queueAutomationStep(req, {
      automationLog,
      step: route - 1,
      waitUntil: new Date(now.getTime() + (target?.delayMinutes ?? 0) * 60_000),
    })
    return { status: 'stopped', reason: `branch_to_${route}` }
  }
  return null
}
