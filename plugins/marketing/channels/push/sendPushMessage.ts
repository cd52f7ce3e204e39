import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import webpush from 'web-push'
import { runSql } from '@/core'
import type { PushMessagePayload } from '../../contract'
import { pushSubscriptionsTable } from '../../operations/sql/pushSubscriptionsTable'
import { vapidKeys } from '../../operations/push/vapidKeys'

/** Consecutive failed sends (other than 404/410) after which a subscription is disabled. */
export const PUSH_DISABLE_AFTER_FAILURES = 10
/** How long a push service keeps an undelivered message (seconds). */
export const PUSH_TTL_SECONDS = 24 * 60 * 60
const TIMEOUT_MS = 10_000

export type PushOutcome =
  | { status: 'sent'; delivered: number; providerMessageId: string | null }
  | { status: 'no_subscription' }
  /** Every subscription is gone (404/410 from its push service): nobody to send to. */
  | { status: 'gone'; disabled: number }

const statusOf = (error: unknown): number | null => (error instanceof webpush.WebPushError ? error.statusCode : null)

/**
 * Sends one Web Push message (JSON `{ title, body, url }`, encrypted aes128gcm, signed with the
 * platform's VAPID key) to every active subscription of the member. A success records
 * `lastSuccessAt` and resets `failures`; 404/410 from the push service disables the subscription
 * (the browser dropped it); any other failure counts in `failures` (disabled after
 * `PUSH_DISABLE_AFTER_FAILURES`). When no subscription took the message and some failed for
 * another reason, throws (the job retries; no browser has it yet, so a retry sends no duplicate).
 */
export const sendPushMessage = async (
  req: PayloadRequest,
  input: { member: string; message: PushMessagePayload; urgent?: boolean },
): Promise<PushOutcome> => {
  const p = pushSubscriptionsTable(req)
  const subscriptions = await runSql<{ id: string; endpoint: string; p256dh: string; auth: string }>(
    req,
    sql`SELECT ${p.id} AS id, ${p.endpoint} AS endpoint, ${p.p256dh} AS p256dh, ${p.auth} AS auth FROM ${p}
        WHERE ${p.member} = ${input.member} AND ${p.disabledAt} IS NULL ORDER BY ${p.createdAt}`,
  )
  if (subscriptions.length === 0) return { status: 'no_subscription' }
  const vapid = await vapidKeys(req.payload)
  const payload = JSON.stringify(input.message)
  let delivered = 0
  let disabled = 0
  let providerMessageId: string | null = null
  const errors: string[] = []
  for (const s of subscriptions) {
    try {
      const result = await webpush.sendNotification(
        { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
        payload,
        {
          vapidDetails: { subject: vapid.subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
          TTL: PUSH_TTL_SECONDS,
          urgency: input.urgent ? 'high' : 'normal',
          timeout: TIMEOUT_MS,
        },
      )
      delivered++
      const location = result.headers?.location
      providerMessageId ??= typeof location === 'string' && location ? location.slice(0, 500) : null
      await runSql(
        req,
        sql`UPDATE ${p} SET ${p.lastSuccessAt} = now(), ${p.failures} = 0, ${p.updatedAt} = now() WHERE ${p.id} = ${s.id}`,
      )
    } catch (error) {
      const status = statusOf(error)
      if (status === 404 || status === 410) {
        disabled++
        await runSql(
          req,
          sql`UPDATE ${p} SET ${p.disabledAt} = now(), ${p.updatedAt} = now() WHERE ${p.id} = ${s.id} AND ${p.disabledAt} IS NULL`,
        )
        continue
      }
      errors.push(
        error instanceof webpush.WebPushError
          ? `Push service answered ${error.statusCode}: ${String(error.body ?? '').slice(0, 200)}`
          : error instanceof Error
            ? error.message
            : String(error),
      )
      await runSql(
        req,
        sql`UPDATE ${p} SET ${p.failures} = ${p.failures} + 1,
                   ${p.disabledAt} = CASE WHEN ${p.failures} + 1 >= ${PUSH_DISABLE_AFTER_FAILURES} THEN now() ELSE ${p.disabledAt} END,
                   ${p.updatedAt} = now()
            WHERE ${p.id} = ${s.id}`,
      )
    }
  }
  if (delivered > 0) return { status: 'sent', delivered, providerMessageId }
  if (errors.length > 0) throw new Error(errors[0])
  return { status: 'gone', disabled }
}
