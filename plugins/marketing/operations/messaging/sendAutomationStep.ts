import type { PayloadRequest } from 'payload'
import { idOf } from '@/core'
import type { Automation, AutomationLog } from '@/payload-types'
import { conditionHolds, parseCondition } from '../automations/conditions'
import { memberFacts } from './memberFacts'
import { nextAllowedSend, type QuietHours } from './quietHours'
import { renderTemplate } from './renderTemplate'
import { sendMessage, type SendOutcome } from './sendMessage'
import type { SmsAdapter } from '../../channels/sms/SmsAdapter'
import { queueAutomationStep } from '../../jobs/queueAutomationStep'
// ---- Branching and A/B ----
import { storedVariant } from '../../abtest/assignVariant'
import { HOLDOUT } from '../../abtest/experimentFields'
import { recordStepRun, routeStep, stepTextFor } from '../../abtest/stepRuns'
// ---- /Branching and A/B ----
import { holdingsStopReason, isHoldingsTrigger } from '../automations/holdingsTriggers' // Holdings triggers
import {
  ABANDONED_BOOKING_TRIGGER,
  ABANDONED_TRIGGER,
  abandonedBookingStopReason,
  abandonedStopReason,
} from '../automations/moreTriggers' // More triggers
import { countFailedAttempt, finishEnrolment as finish } from './finishEnrolment'
import { followRoute } from './followRoute'
import { sendLeadStep } from './sendLeadStep' // Lead recipients

/** Attempts of a failing send (the task's retries). */
export const MAX_ATTEMPTS = 3

export type StepRules = {
  quietHours: QuietHours
  frequencyCap: number
  smsAdapter: SmsAdapter
  /** Open pixel and click redirects in marketing e-mail (default true). */
  emailTracking?: boolean
}

export type StepOutcome =
  | { status: 'deferred'; until: string }
  | { status: 'stopped'; reason: string }
  | { status: 'done' }
  | SendOutcome

const isRecord = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v)

/** The trigger event's facts kept on the enrolment (for the event rules of the condition). */
export const eventFactsOf = (metadata: unknown): Record<string, unknown> =>
  isRecord(metadata) && isRecord(metadata.facts) ? metadata.facts : {}

/**
 * Runs one step of an enrolment (the `sendAutomationStep` job). Everything is checked again at
 * send time: the automation still active, the member still active, the member rules of the
 * condition, and for a win-back that the member has not visited since. A marketing step due in
 * quiet hours (member's zone, else the tenant's) is queued again for the next allowed minute.
 * After the step the next one is queued after its delay.
 */
export const sendAutomationStep = async (
  req: PayloadRequest,
  input: { automationLog: string; step: number },
  rules: StepRules,
  now = new Date(),
): Promise<StepOutcome> => {
  const log = await req.payload.db.findOne<AutomationLog>({
    collection: 'automation-logs',
    where: { id: { equals: input.automationLog } },
    req,
  })
  if (!log || log.status === 'skipped') return { status: 'stopped', reason: 'enrolment_gone' }
  const automationId = typeof log.automation === 'object' ? log.automation.id : log.automation
  const automation = await req.payload.db.findOne<Automation>({
    collection: 'automations',
    where: { id: { equals: automationId } },
    req,
  })
  const stop = async (reason: string): Promise<StepOutcome> => {
    await finish(req, log.id, input.step === 0 ? 'skipped' : 'sent', reason)
    await recordStepRun(req, log.id, input.step, `stopped:${reason}`, now) // Branching and A/B
    return { status: 'stopped', reason }
  }
  if (!automation || automation.status !== 'active') return stop('automation_inactive')
  // ---- Lead recipients ----
  // A lead's enrolment (New lead trigger) takes the e-mail-only lead path.
  const leadId = idOf(log.lead)
  if (leadId) return sendLeadStep(req, { log, automation, lead: leadId, step: input.step }, rules, stop, now)
  // ---- /Lead recipients ----
  const memberId = idOf(log.member)
  if (!memberId) return stop('member_inactive')
  const member = await memberFacts(req, memberId)
  if (!member || member.status !== 'active') return stop('member_inactive')
  const facts = { member: { status: member.status, tags: member.tags }, event: eventFactsOf(log.metadata) }
  if (!conditionHolds(parseCondition(automation.triggerCondition), facts)) return stop('condition_failed')
  if (
    automation.triggerEvent === 'time.no_visit' &&
    member.lastVisitAt &&
    new Date(member.lastVisitAt) > new Date(log.triggeredAt)
  )
    return stop('visited_again')
  // ---- Holdings triggers ----
  // The instance must still hold: a top-up, a used pack, a converted trial or a renewal stops it.
  if (isHoldingsTrigger(automation.triggerEvent)) {
    const reason = await holdingsStopReason(req, automation, member.tenant, memberId, facts.event, now)
    if (reason) return stop(reason)
  }
  // ---- /Holdings triggers ----
  // ---- More triggers ----
  // An abandoned checkout stops once the order was paid after all or the member bought since.
  if (automation.triggerEvent === ABANDONED_TRIGGER) {
    const reason = await abandonedStopReason(req, memberId, facts.event)
    if (reason) return stop(reason)
  }
  // An abandoned booking stops once the member holds a place in that class again.
  if (automation.triggerEvent === ABANDONED_BOOKING_TRIGGER) {
    const reason = await abandonedBookingStopReason(req, memberId, facts.event)
    if (reason) return stop(reason)
  }
  // ---- /More triggers ----
  const step = automation.steps?.[input.step]
  if (!step) {
    await finish(req, log.id, 'sent', 'completed')
    return { status: 'done' }
  }
  // ---- Branching and A/B ----
  // A holdout member is enrolled but sent nothing; a step's branch routes it when it comes due.
  const variant = await storedVariant(req, String(automation.id), { member: memberId })
  if (variant === HOLDOUT) return stop('holdout')
  const route = await routeStep(req, step.branch, {
    tenant: member.tenant,
    member: memberId,
    since: log.triggeredAt,
    facts,
    automationLog: log.id, // Open and click tracking
    step: input.step,
  })
  const routed = await followRoute(req, route, { automation, automationLog: log.id, step: input.step, now })
  if (routed) return routed
  const text = stepTextFor(automation, variant, input.step, step)
  // ---- /Branching and A/B ----
  const type = automation.purpose === 'transactional' ? 'transactional' : 'marketing'
  if (type === 'marketing') {
    const quiet = {
      start: member.settings.quietStart || rules.quietHours.start,
      end: member.settings.quietEnd || rules.quietHours.end,
    }
    const allowed = nextAllowedSend(now, member.zone, quiet)
    if (allowed.getTime() > now.getTime()) {
      await queueAutomationStep(req, { ...input, waitUntil: allowed })
      return { status: 'deferred', until: allowed.toISOString() }
    }
  }
  const vars = { firstName: member.firstName, name: member.name ?? '', studioName: member.tenantName }
  const send = () =>
    sendMessage(req, {
      member,
      channel: step.channel,
      type,
      subject: renderTemplate(text.subject || automation.name, vars),
      body: renderTemplate(text.body, vars),
      automationLog: log.id,
      step: input.step,
      smsAdapter: rules.smsAdapter,
      frequencyCap: member.settings.frequencyCap ?? rules.frequencyCap,
      track: rules.emailTracking ?? true, // Open and click tracking
      now,
    })
  let outcome: SendOutcome
  try {
    outcome = await send()
  } catch (error) {
    // The job retries (3 attempts); the enrolment counts them and fails with the last one.
    await countFailedAttempt(req, log.id, error, MAX_ATTEMPTS)
    throw error
  }
  if (outcome.status === 'duplicate') return outcome
  await recordStepRun(req, log.id, input.step, outcome.status === 'sent' ? 'sent' : `skipped:${outcome.reason}`, now) // Branching and A/B
  const next = automation.steps?.[input.step + 1]
  if (next)
    await queueAutomationStep(req, {
      automationLog: log.id,
      step: input.step + 1,
      waitUntil: new Date(now.getTime() + (next.delayMinutes ?? 0) * 60_000),
    })
  else await finish(req, log.id, 'sent', 'completed')
  return outcome
}
