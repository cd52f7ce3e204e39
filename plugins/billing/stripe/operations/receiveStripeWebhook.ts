import type { PayloadRequest } from 'payload'
import type Stripe from 'stripe'
import { getEnv, OperationError, recordInboundWebhook } from '@/core'
import { tenantOfAccount } from '../connectedAccount'
import { PROCESS_STRIPE_EVENT_TASK } from '../jobs/taskSlugs'
import { stripeClient } from '../stripeClient'

const PERSONAL =
  /^(email|name|phone|address|shipping|billing_details|customer_details|customer_email|customer_name|customer_phone|customer_address|customer_shipping)$/

/** The event as stored in `inbound-webhooks`: personal data dropped, ids and amounts kept. */
export const redactEvent = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(redactEvent)
  if (!value || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !PERSONAL.test(key))
      .map(([key, v]) => [key, redactEvent(v)]),
  )
}

export type ReceiveResult = { received: true; duplicate: boolean; event: string }

/**
 * The Stripe webhook: verifies the signature on the raw body (`stripe.webhooks.constructEvent`,
 * 5-minute tolerance) before anything is stored (400 `invalid_signature` otherwise), records the
 * event once per event id in core's `inbound-webhooks` (a replay answers `duplicate: true` and
 * queues nothing), and queues `processStripeEvent` in the same transaction.
 */
export const receiveStripeWebhook = async (
  req: PayloadRequest,
  input: { raw: string; signature: string | null },
): Promise<ReceiveResult> => {
  const stripe = stripeClient()
  const secret = getEnv().STRIPE_WEBHOOK_SECRET
  if (!stripe || !secret)
    throw new OperationError(409, 'stripe_not_configured', 'Stripe webhooks are not configured on this server.')
  if (!input.signature) throw new OperationError(400, 'invalid_signature', 'The Stripe-Signature header is missing.')
  let event: Stripe.Event
  try {
    event = stripe.webhooks.constructEvent(input.raw, input.signature, secret)
  } catch {
    throw new OperationError(
      400,
      'invalid_signature',
      'The Stripe-Signature header does not match the body, or it is too old.',
    )
  }
  // An account still onboarding (or restricted) is the tenant's too for its own `account.updated`.
  const tenant = await tenantOfAccount(req, event.account, { anyStatus: event.type === 'account.updated' })
  const recorded = await recordInboundWebhook(req, {
    source: 'stripe',
    eventId: event.id,
    eventType: event.type,
    tenant,
    payload: redactEvent(event),
  })
  if (recorded.duplicate) return { received: true, duplicate: true, event: event.id }
  await req.payload.jobs.queue({
    task: PROCESS_STRIPE_EVENT_TASK,
    input: { webhook: recorded.id },
    req,
  })
  return { received: true, duplicate: false, event: event.id }
}
