import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { z } from 'zod'
import { OperationError, emit, integrationConnectionsTable, recordInboundWebhook, runSql } from '@/core'
import { memberFactsTable } from '../sql/automationsTable'
import { applyDeliveryStatus } from './deliveryStatus'
import { markInboundProcessed } from './markInboundProcessed'
import { verifyTwilioSignature } from './signatures'
import { consentsTable } from '../sql/automationsTable'
import { liftSmsSuppressions, normaliseAddress, suppress } from './suppressions'

/** Opt-out and opt-in keywords (the whole message, any case, trailing punctuation ignored), as Twilio's Advanced Opt-Out. */
export const STOP_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'] as const
export const START_KEYWORDS = ['START', 'UNSTOP'] as const
/** Twilio error codes that suppress the number: unreachable handset, unknown destination, recipient opted out. */
export const SUPPRESSING_SMS_ERRORS: Record<string, 'sms_undeliverable' | 'sms_opt_out'> = {
  '30003': 'sms_undeliverable',
  '30005': 'sms_undeliverable',
  '21610': 'sms_opt_out',
}

const sid = z.string().min(1).max(64)
const inboundSms = z.object({ MessageSid: sid, From: z.string().min(1), To: z.string().min(1), Body: z.string() })
const statusCallback = z.object({
  MessageSid: sid,
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().optional(),
})

export type SmsWebhookOutcome =
  | { kind: 'inbound'; duplicate: boolean; keyword: 'stop' | 'start' | null; tenants: number; members: number }
  | { kind: 'status'; duplicate: boolean; status: string; applied: boolean; suppressed: boolean }

/**
 * The tenants an inbound text concerns: the tenant whose `sms` connection sends from the number
 * texted (`config.from`), else every tenant where the sender's phone belongs to a member (the
 * platform's shared sender number: STOP stops texts from all of them, as the carrier does).
 */
const tenantsFor = async (req: PayloadRequest, from: string, to: string): Promise<string[]> => {
  const c = integrationConnectionsTable(req)
  const owners = await runSql<{ tenant_id: string }>(
    req,
    sql`SELECT ${c.tenant} AS tenant_id FROM ${c.$table}
        WHERE ${c.provider} = 'sms' AND regexp_replace(COALESCE(${c.config}->>'from', ''), '[^0-9]', '', 'g') = ${to.replace(/\D/g, '')}`,
  )
  if (owners.length > 0) return owners.map((o) => String(o.tenant_id))
  const m = memberFactsTable(req)
  const rows = await runSql<{ tenant_id: string }>(
    req,
    sql`SELECT DISTINCT ${m.tenant} AS tenant_id FROM ${m.$table}
        WHERE regexp_replace(COALESCE(${m.phone}, ''), '[^0-9]', '', 'g') = ${from.replace(/\D/g, '')}`,
  )
  return rows.map((r) => String(r.tenant_id))
}

const uuids = (ids: string[]) => `{${ids.join(',')}}`

/** STOP: every open `sms` consent of the number's members in those tenants is revoked (`consent.revoked`), and the number suppressed there. */
const stop = async (req: PayloadRequest, tenants: string[], from: string) => {
  const c = consentsTable(req)
  const m = memberFactsTable(req)
  const digits = from.replace(/\D/g, '')
  const revoked = await runSql<{ id: string; tenant: string; member: string }>(
    req,
    sql`UPDATE ${c} SET ${c.revokedAt} = now(), ${c.updatedAt} = now()
        WHERE ${c.type} = 'sms' AND ${c.revokedAt} IS NULL AND ${c.member} IN (
          SELECT ${m.id} FROM ${m.$table} WHERE ${m.tenant} = ANY(${uuids(tenants)}::uuid[])
            AND regexp_replace(COALESCE(${m.phone}, ''), '[^0-9]', '', 'g') = ${digits})
        RETURNING ${c.id} AS id, ${c.tenant} AS tenant, ${c.member} AS member`,
  )
  for (const row of revoked)
    await emit(req, {
      type: 'consent.revoked',
      tenant: String(row.tenant),
      subject: { collection: 'consents', id: String(row.id) },
      data: { member: String(row.member), type: 'sms' },
    })
  for (const tenant of tenants)
    await suppress(req, { tenant, channel: 'sms', address: from, reason: 'sms_opt_out', detail: 'STOP keyword' })
  return revoked.length
}

/**
 * START: the number's SMS suppressions in those tenants are lifted, and each of its members whose
 * `sms` consent was revoked (and none is open) gets a new one (`consent.granted`; rows are never
 * reopened). Members who never consented get none.
 */
const start = async (req: PayloadRequest, tenants: string[], from: string) => {
  await liftSmsSuppressions(req, tenants, from)
  const c = consentsTable(req)
  const m = memberFactsTable(req)
  const digits = from.replace(/\D/g, '')
  const granted = await runSql<{ id: string; tenant: string; member: string }>(
    req,
    sql`INSERT INTO ${c} (${c.tenant}, ${c.member}, ${c.type}, ${c.grantedAt}, ${c.source}, ${c.createdAt}, ${c.updatedAt})
        SELECT m.${m.tenant}, m.${m.id}, 'sms', now(), 'sms_keyword', now(), now() FROM ${m.$table} m
        WHERE m.${m.tenant} = ANY(${uuids(tenants)}::uuid[])
          AND regexp_replace(COALESCE(m.${m.phone}, ''), '[^0-9]', '', 'g') = ${digits}
          AND EXISTS (SELECT 1 FROM ${c} r WHERE r.${c.member} = m.${m.id} AND r.${c.type} = 'sms' AND r.${c.revokedAt} IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM ${c} o WHERE o.${c.member} = m.${m.id} AND o.${c.type} = 'sms' AND o.${c.revokedAt} IS NULL)
        ON CONFLICT DO NOTHING
        RETURNING ${c.id} AS id, ${c.tenant} AS tenant, ${c.member} AS member`,
  )
  for (const row of granted)
    await emit(req, {
      type: 'consent.granted',
      tenant: String(row.tenant),
      subject: { collection: 'consents', id: String(row.id) },
      data: { member: String(row.member), type: 'sms' },
    })
  return granted.length
}

const keywordOf = (body: string): 'stop' | 'start' | null => {
  const word = body
    .trim()
    .replace(/[.!]+$/, '')
    .toUpperCase()
  if ((STOP_KEYWORDS as readonly string[]).includes(word)) return 'stop'
  if ((START_KEYWORDS as readonly string[]).includes(word)) return 'start'
  return null
}

/**
 * `POST /api/sms/inbound` (and `/api/sms/status`): Twilio's form-encoded webhooks, verified with
 * `X-Twilio-Signature` (HMAC-SHA1 of the URL and the sorted parameters, keyed with the auth token;
 * 401 `invalid_signature` otherwise). Recorded once in core's `inbound-webhooks` (source `sms`; an
 * inbound text by its MessageSid, a status callback by MessageSid and status), then applied in the
 * request's transaction: STOP…/START… change the sender's `sms` consent and suppression; a status
 * callback moves the message log forward (never back) and, for `undelivered`/`failed` with
 * 30003, 30005 or 21610, suppresses the number in the message's tenant.
 */
export const receiveSmsWebhook = async (
  req: PayloadRequest,
  input: { params: [string, string][]; signature: string | null; urls: string[] },
  authToken: string | undefined,
): Promise<SmsWebhookOutcome> => {
  if (!authToken) throw new OperationError(503, 'not_configured', 'SMS webhooks are not configured (SMS_AUTH_TOKEN).')
  if (!verifyTwilioSignature(authToken, input.urls, input.params, input.signature))
    throw new OperationError(401, 'invalid_signature', 'The X-Twilio-Signature header does not sign this request.')
  const form = Object.fromEntries(input.params)
  if (form.MessageStatus !== undefined && form.Body === undefined) {
    const callback = statusCallback.parse(form)
    const status = callback.MessageStatus.toLowerCase()
    const recorded = await recordInboundWebhook(req, {
      source: 'sms',
      eventId: callback.MessageSid,
      dedupKey: `${callback.MessageSid}:${status}`,
      eventType: `status.${status}`,
      payload: callback,
    })
    if (recorded.duplicate) return { kind: 'status', duplicate: true, status, applied: false, suppressed: false }
    const failed = status === 'undelivered' || status === 'failed'
    const next = failed ? 'failed' : status === 'delivered' ? 'delivered' : status === 'sent' ? 'sent' : null
    const log = next
      ? await applyDeliveryStatus(req, {
          providers: ['twilio'],
          providerMessageIds: [callback.MessageSid],
          status: next,
          error: failed ? `SMS ${status}${callback.ErrorCode ? ` (error ${callback.ErrorCode})` : ''}` : null,
        })
      : null
    const reason =
      failed && callback.ErrorCode && Object.hasOwn(SUPPRESSING_SMS_ERRORS, callback.ErrorCode)
        ? SUPPRESSING_SMS_ERRORS[callback.ErrorCode]
        : undefined
    const suppressed =
      log && reason && log.channel === 'sms' && log.recipient
        ? await suppress(req, {
            tenant: log.tenant,
            channel: 'sms',
            address: log.recipient,
            reason,
            detail: `Twilio error ${callback.ErrorCode}`,
            messageLog: log.id,
          })
        : false
    await markInboundProcessed(req, recorded.id, log?.changed || suppressed ? 'processed' : 'ignored', log?.tenant)
    return { kind: 'status', duplicate: false, status, applied: Boolean(log?.changed), suppressed }
  }
  const message = inboundSms.parse(form)
  const recorded = await recordInboundWebhook(req, {
    source: 'sms',
    eventId: message.MessageSid,
    eventType: 'inbound',
    payload: { MessageSid: message.MessageSid, From: normaliseAddress('sms', message.From), To: message.To },
  })
  const keyword = keywordOf(message.Body)
  if (recorded.duplicate) return { kind: 'inbound', duplicate: true, keyword, tenants: 0, members: 0 }
  if (!keyword) {
    await markInboundProcessed(req, recorded.id, 'ignored')
    return { kind: 'inbound', duplicate: false, keyword, tenants: 0, members: 0 }
  }
  const tenants = await tenantsFor(req, message.From, message.To)
  const members =
    tenants.length === 0
      ? 0
      : keyword === 'stop'
        ? await stop(req, tenants, message.From)
        : await start(req, tenants, message.From)
  await markInboundProcessed(req, recorded.id, 'processed', tenants.length === 1 ? tenants[0] : null)
  return { kind: 'inbound', duplicate: false, keyword, tenants: tenants.length, members }
}
