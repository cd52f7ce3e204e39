import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import type { Automation, AutomationLog } from '@/payload-types'
import { messageLogsTable } from '../sql/automationsTable'
import { conditionHolds, parseCondition } from '../automations/conditions'
import { isSuppressed } from '../suppression/suppressions'
import { sendEmailMessage } from '../../channels/sendEmailMessage'
import { queueAutomationStep } from '../../jobs/queueAutomationStep'
import { recordStepRun, routeStep, stepTextFor } from '../../abtest/stepRuns'
import { storedVariant } from '../../abtest/assignVariant' // mkt_rest: lead A/B
import { HOLDOUT } from '../../abtest/experimentFields'
import { countFailedAttempt, finishEnrolment } from './finishEnrolment'
import { followRoute } from './followRoute'
import { leadFacts, leadStopReason, type LeadFacts } from './leadFacts'
import { nextAllowedSend } from './quietHours'
import { renderTemplate } from './renderTemplate'
import { eventFactsOf, MAX_ATTEMPTS, type StepOutcome, type StepRules } from './sendAutomationStep'
import type { MessageType, SendOutcome, SkipReason } from './sendMessage'
import { leadUnsubscribeUrl } from './unsubscribeToken'
import { claimMessageLog, markMessageLog } from './messageLogRow'

/**
 * One step of a lead's enrolment (Lead recipients; the New lead trigger). E-mail only. At send time:
 * the lead still exists, has not converted (nor has a member of the tenant its address) →
 * `lead_converted`, is not lost → `lead_lost`, the condition still holds (the lead's status and tags
 * as `member.*`), the branch routes it (enrolment counts are 0 for a lead; message rules work).
 * A marketing step keeps the tenant's quiet hours (the tenant's zone) and is then sent by
 * `sendLeadEmail`. A/B (mkt_rest): a lead in the holdout is stopped (`holdout`), a variant's
 * override replaces the step's subject/body, as for members.
 */
export const sendLeadStep = async (
  req: PayloadRequest,
  input: { log: AutomationLog; automation: Automation; lead: string; step: number },
  rules: StepRules,
  stop: (reason: string) => Promise<StepOutcome>,
  now: Date,
): Promise<StepOutcome> => {
  const { log, automation } = input
  const lead = await leadFacts(req, input.lead)
  if (!lead) return stop('lead_gone')
  const reason = await leadStopReason(req, lead)
  if (reason) return stop(reason)
  const facts = { member: { status: lead.status, tags: lead.tags }, event: eventFactsOf(log.metadata) }
  if (!conditionHolds(parseCondition(automation.triggerCondition), facts)) return stop('condition_failed')
  const step = automation.steps?.[input.step]
  if (!step) {
    await finishEnrolment(req, log.id, 'sent', 'completed')
    return { status: 'done' }
  }
  // ---- mkt_rest: lead A/B ----
  const variant = await storedVariant(req, String(automation.id), { lead: lead.id })
  if (variant === HOLDOUT) return stop('holdout')
  // ---- end mkt_rest ----
  const route = await routeStep(req, step.branch, {
    tenant: lead.tenant,
    member: null,
    since: log.triggeredAt,
    facts,
    automationLog: log.id,
    step: input.step,
  })
  const routed = await followRoute(req, route, { automation, automationLog: log.id, step: input.step, now })
  if (routed) return routed
  const type: MessageType = automation.purpose === 'transactional' ? 'transactional' : 'marketing'
  if (type === 'marketing') {
    const quiet = {
      start: lead.settings.quietStart || rules.quietHours.start,
      end: lead.settings.quietEnd || rules.quietHours.end,
    }
    const allowed = nextAllowedSend(now, lead.zone, quiet)
    if (allowed.getTime() > now.getTime()) {
      await queueAutomationStep(req, { automationLog: log.id, step: input.step, waitUntil: allowed })
      return { status: 'deferred', until: allowed.toISOString() }
    }
  }
  const text = stepTextFor(automation, variant, input.step, step) // mkt_rest: lead A/B
  const vars = { firstName: lead.firstName, name: lead.name ?? '', studioName: lead.tenantName }
  let outcome: SendOutcome
  try {
    outcome = await sendLeadEmail(req, {
      lead,
      channel: step.channel,
      type,
      subject: renderTemplate(text.subject || automation.name, vars),
      body: renderTemplate(text.body, vars),
      automationLog: log.id,
      step: input.step,
      frequencyCap: lead.settings.frequencyCap ?? rules.frequencyCap,
      track: rules.emailTracking ?? true,
      now,
    })
  } catch (error) {
    await countFailedAttempt(req, log.id, error, MAX_ATTEMPTS)
    throw error
  }
  if (outcome.status === 'duplicate') return outcome
  await recordStepRun(req, log.id, input.step, outcome.status === 'sent' ? 'sent' : `skipped:${outcome.reason}`, now)
  const next = automation.steps?.[input.step + 1]
  if (next)
    await queueAutomationStep(req, {
      automationLog: log.id,
      step: input.step + 1,
      waitUntil: new Date(now.getTime() + (next.delayMinutes ?? 0) * 60_000),
    })
  else await finishEnrolment(req, log.id, 'sent', 'completed')
  return outcome
}

/**
 * Sends one e-mail to a lead and writes its message log (the lead path of `sendMessage`): the log
 * row is claimed once per enrolment step; a step on another channel is skipped (`no_recipient`: a
 * lead is reached by e-mail only); a suppressed address gets nothing, transactional included
 * (`suppressed`); a marketing e-mail needs the lead's consent given after any unsubscribe
 * (`no_consent`) and room under the frequency cap (the lead's marketing mail in 7 days); marketing
 * mail carries the lead's RFC 8058 List-Unsubscribe link and the tracking of member mail.
 */
export const sendLeadEmail = async (
  req: PayloadRequest,
  input: {
    lead: LeadFacts
    channel: string
    type: MessageType
    subject: string
    body: string
    automationLog: string
    step: number
    frequencyCap: number
    track: boolean
    now: Date
  },
): Promise<SendOutcome> => {
  const ml = messageLogsTable(req)
  const { lead } = input
  const email = input.channel === 'email' ? lead.email : ''
  const claimed = await claimMessageLog(req, {
    tenant: lead.tenant,
    lead: lead.id,
    recipient: email,
    channel: input.channel,
    type: input.type,
    subject: input.subject,
    body: input.body,
    automationLog: input.automationLog,
    step: input.step,
  })
  if (!claimed) return { status: 'duplicate' }
  const skip = async (reason: SkipReason): Promise<SendOutcome> => {
    await markMessageLog(req, claimed, { status: 'skipped', reason })
    return { status: 'skipped', messageLog: claimed, reason }
  }
  if (!email) return skip('no_recipient')
  if (await isSuppressed(req, lead.tenant, 'email', email)) return skip('suppressed')
  if (input.type === 'marketing') {
    if (!lead.marketingAllowed) return skip('no_consent')
    const [{ n }] = await runSql<{ n: number }>(
      req,
      sql`SELECT count(*)::int AS n FROM ${ml} WHERE ${ml.lead} = ${lead.id} AND ${ml.type} = 'marketing' AND ${ml.status} = 'sent'
            AND ${ml.createdAt} > ${input.now.toISOString()}::timestamptz - interval '7 days'`,
    )
    if (n >= input.frequencyCap) return skip('frequency_cap')
  }
  let providerMessageId: string | null
  try {
    ;({ providerMessageId } = await sendEmailMessage(req, {
      to: email,
      subject: input.subject,
      text: input.body,
      unsubscribeUrl: input.type === 'marketing' ? leadUnsubscribeUrl(lead.id) : undefined,
      trackAs: input.type === 'marketing' && input.track ? claimed : undefined,
    }))
  } catch (error) {
    await markMessageLog(req, claimed, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    })
    throw error
  }
  await markMessageLog(req, claimed, { status: 'sent', provider: 'email', providerMessageId })
  await emit(req, {
    type: 'message.sent',
    tenant: lead.tenant,
    subject: { collection: 'message-logs', id: claimed },
    data: {
      messageLog: claimed,
      member: null,
      lead: lead.id,
      channel: 'email',
      type: input.type,
      automationLog: input.automationLog,
    },
  })
  return { status: 'sent', messageLog: claimed, providerMessageId }
}
