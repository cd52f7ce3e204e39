import type { PayloadRequest } from 'payload'
import { z } from 'zod'
import { OperationError, recordInboundWebhook } from '@/core'
import { applyDeliveryStatus, type DeliveryStatus } from './deliveryStatus'
import { markInboundProcessed } from './markInboundProcessed'
import { verifyTimestamped } from '@/core'
import { suppress } from './suppressions'

/** One delivery event of the mail provider (the generic shape a provider relay posts). */
export const emailEventSchema = z.object({
  /** The provider's event id: each is applied once. */
  id: z.string().min(1).max(200),
  type: z.enum(['delivered', 'opened', 'bounced', 'complained']),
  /** The id the provider gave the message when it was sent (`message-logs.providerMessageId`; angle brackets optional). */
  messageId: z.string().min(1).max(500),
  /** For bounces: `hard` (permanent: the address is suppressed) or `soft` (temporary). */
  bounceType: z.enum(['hard', 'soft']).optional(),
  /** The provider's diagnostic (SMTP reply, complaint feedback type). */
  reason: z.string().max(1000).optional(),
  occurredAt: z.string().datetime({ offset: true }).optional(),
})
export const emailEventsBody = z.union([
  z.object({ events: z.array(emailEventSchema).min(1).max(500) }),
  emailEventSchema,
])
export type EmailEvent = z.infer<typeof emailEventSchema>

export type EmailEventsReply = {
  received: number
  duplicates: number
  applied: number
  unknown: number
  suppressed: number
}

const STATUS_OF: Record<EmailEvent['type'], DeliveryStatus> = {
  delivered: 'delivered',
  opened: 'opened',
  bounced: 'bounced',
  complained: 'complained',
}

/**
 * `POST /api/message-logs/email-events`: the mail provider's delivery events, signed with the
 * shared secret `EMAIL_WEBHOOK_SECRET` (401 `invalid_signature` otherwise; 503 when unset). Each
 * event is recorded once in core's `inbound-webhooks` (source `email`, by its id) and applied in
 * the request's transaction: the message's status moves forward only (`applyDeliveryStatus`); a
 * hard bounce or a complaint also suppresses the message's address in its tenant.
 */
export const receiveEmailEvents = async (
  req: PayloadRequest,
  input: { raw: string; signature: string | null },
  secret: string | undefined,
): Promise<EmailEventsReply> => {
  if (!secret)
    throw new OperationError(503, 'not_configured', 'Mail delivery events are not configured (EMAIL_WEBHOOK_SECRET).')
  if (!verifyTimestamped(input.raw, input.signature, secret))
    throw new OperationError(
      401,
      'invalid_signature',
      'The X-Atrium-Signature header does not sign this body, or it is too old.',
    )
  let parsed: unknown
  try {
    parsed = JSON.parse(input.raw)
  } catch {
    throw new OperationError(400, 'invalid_json', 'The request body must be JSON.')
  }
  const body = emailEventsBody.parse(parsed)
  const events = 'events' in body ? body.events : [body]
  const reply: EmailEventsReply = { received: events.length, duplicates: 0, applied: 0, unknown: 0, suppressed: 0 }
  for (const event of events) {
    const recorded = await recordInboundWebhook(req, {
      source: 'email',
      eventId: event.id,
      eventType: event.type,
      payload: event,
    })
    if (recorded.duplicate) {
      reply.duplicates++
      continue
    }
    const bare = event.messageId.replace(/^<|>$/g, '')
    const error =
      event.type === 'bounced'
        ? `${event.bounceType ?? 'hard'} bounce${event.reason ? `: ${event.reason}` : ''}`
        : event.type === 'complained'
          ? `complaint${event.reason ? `: ${event.reason}` : ''}`
          : null
    const log = await applyDeliveryStatus(req, {
      providers: ['email'],
      providerMessageIds: [bare, `<${bare}>`],
      status: STATUS_OF[event.type],
      error,
    })
    if (!log) {
      reply.unknown++
      await markInboundProcessed(req, recorded.id, 'ignored')
      continue
    }
    if (log.changed) reply.applied++
    const permanent = event.type === 'complained' || (event.type === 'bounced' && event.bounceType !== 'soft')
    if (permanent && log.channel === 'email' && log.recipient) {
      const added = await suppress(req, {
        tenant: log.tenant,
        channel: 'email',
        address: log.recipient,
        reason: event.type === 'complained' ? 'complaint' : 'hard_bounce',
        detail: event.reason ?? null,
        messageLog: log.id,
      })
      if (added) reply.suppressed++
    }
    await markInboundProcessed(req, recorded.id, 'processed', log.tenant)
  }
  return reply
}
