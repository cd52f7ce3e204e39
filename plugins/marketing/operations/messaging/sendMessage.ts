import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, runSql } from '@/core'
import { consentsTable, messageLogsTable } from '../sql/automationsTable'
import type { MemberFacts } from './memberFacts'
import { sendEmailMessage } from '../../channels/sendEmailMessage'
import { createInAppNotification } from '../../channels/createInAppNotification'
import type { SmsAdapter } from '../../channels/sms/SmsAdapter'
import { unsubscribeUrl } from './unsubscribeToken'
import { sendPushMessage } from '../../channels/push/sendPushMessage' // Web push
import { isSuppressed } from '../suppression/suppressions'
import { claimMessageLog, markMessageLog } from './messageLogRow'

export type Channel = 'email' | 'sms' | 'in_app' | 'push'
export type MessageType = 'marketing' | 'transactional'

/** The consent a marketing message on a channel needs (in-app messages need none). */
export const CONSENT_OF: Record<Channel, 'email_marketing' | 'sms' | 'push' | null> = {
  email: 'email_marketing',
  sms: 'sms',
  in_app: null,
  push: 'push', // Web push
}

export type SendInput = {
  member: MemberFacts
  channel: Channel
  type: MessageType
  subject: string
  body: string
  /** The enrolment and step this message is (claimed once per pair). */
  automationLog?: string
  step?: number
  smsAdapter: SmsAdapter
  /** Marketing messages per member in a rolling 7 days. */
  frequencyCap: number
  now?: Date
  /** Marketing e-mail: the open pixel and signed click redirects (Open and click tracking). */
  track?: boolean
}

export type SkipReason = 'no_consent' | 'frequency_cap' | 'no_recipient' | 'suppressed'

export type SendOutcome =
  | { status: 'sent'; messageLog: string; providerMessageId: string | null }
  | { status: 'skipped'; messageLog: string; reason: SkipReason }
  | { status: 'duplicate' }

/** Whether the member has an open (not revoked) consent of this type. */
export const hasOpenConsent = async (req: PayloadRequest, member: string, type: string): Promise<boolean> => {
  const c = consentsTable(req)
  const rows = await runSql(
    req,
    sql`SELECT 1 FROM ${c} WHERE ${c.member} = ${member} AND ${c.type} = ${type}::${c.$enum.type} AND ${c.revokedAt} IS NULL LIMIT 1`,
  )
  return rows.length > 0
}

/**
 * Sends one message on a channel under the sending rules and writes its message log: the log
 * row is claimed first (once per enrolment step: a second delivery of the same step finds it and
 * sends nothing), then a marketing message needs an open consent for the channel and room under
 * the frequency cap (transactional messages are never blocked), then the channel sends and the
 * log records the provider's id, or the failure (and the error is rethrown for the job's retry,
 * which may claim the failed row again).
 */
export const sendMessage = async (req: PayloadRequest, input: SendInput): Promise<SendOutcome> => {
  const ml = messageLogsTable(req)
  const m = input.member
  const now = input.now ?? new Date()
  const recipient = input.channel === 'email' ? m.email : input.channel === 'sms' ? m.phone : m.id
  const claimed = await claimMessageLog(req, {
    tenant: m.tenant,
    member: m.id,
    recipient: recipient ?? '',
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
  if (!recipient) return skip('no_recipient')
  // ---- Mailchimp and suppression ----
  // A suppressed address (hard bounce, complaint, SMS opt-out or unreachable) gets nothing, transactional mail included.
  if (await isSuppressed(req, m.tenant, input.channel, recipient)) return skip('suppressed')
  // ---- /Mailchimp and suppression ----
  if (input.type === 'marketing') {
    const consent = CONSENT_OF[input.channel]
    if (consent && !(await hasOpenConsent(req, m.id, consent))) return skip('no_consent')
    const [{ n }] = await runSql<{ n: number }>(
      req,
      sql`SELECT count(*)::int AS n FROM ${ml} WHERE ${ml.member} = ${m.id} AND ${ml.type} = 'marketing' AND ${ml.status} = 'sent'
            AND ${ml.createdAt} > ${now.toISOString()}::timestamptz - interval '7 days'`,
    )
    if (n >= input.frequencyCap) return skip('frequency_cap')
  }
  let provider: string
  let providerMessageId: string | null
  try {
    if (input.channel === 'email') {
      provider = 'email'
      ;({ providerMessageId } = await sendEmailMessage(req, {
        to: recipient,
        subject: input.subject,
        text: input.body,
        unsubscribeUrl: input.type === 'marketing' ? unsubscribeUrl(m.id) : undefined,
        // Open and click tracking: marketing mail only (sent under consent), never transactional.
        trackAs: input.type === 'marketing' && input.track ? claimed : undefined,
      }))
    } else if (input.channel === 'sms') {
      provider = input.smsAdapter.name
      ;({ providerMessageId } = await input.smsAdapter.send({ to: recipient, body: input.body }))
    } else if (input.channel === 'push') {
      // ---- Web push ----
      // Every active subscription of the member; none left (never subscribed, or all gone) → skipped.
      provider = 'web_push'
      const pushed = await sendPushMessage(req, {
        member: m.id,
        message: { title: input.subject, body: input.body, url: 'account/notifications' },
        urgent: input.type === 'transactional',
      })
      if (pushed.status !== 'sent') return skip('no_recipient')
      ;({ providerMessageId } = pushed)
      // ---- /Web push ----
    } else {
      provider = 'in_app'
      ;({ providerMessageId } = await createInAppNotification(req, {
        tenant: m.tenant,
        member: m.id,
        title: input.subject,
        message: input.body,
        type: input.type,
        ref: input.automationLog ? { automationLog: input.automationLog, step: input.step ?? 0 } : undefined,
      }))
    }
  } catch (error) {
    await markMessageLog(req, claimed, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    })
    throw error
  }
  await markMessageLog(req, claimed, { status: 'sent', provider, providerMessageId })
  await emit(req, {
    type: 'message.sent',
    tenant: m.tenant,
    subject: { collection: 'message-logs', id: claimed },
    data: {
      messageLog: claimed,
      member: m.id,
      channel: input.channel,
      type: input.type,
      automationLog: input.automationLog ?? null,
    },
  })
  return { status: 'sent', messageLog: claimed, providerMessageId }
}
