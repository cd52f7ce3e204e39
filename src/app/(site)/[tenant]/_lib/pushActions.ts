'use server'

import type { PushSubscribeReply, PushUnsubscribeReply } from '@plugins/marketing/contract'
import { callEndpoint } from './callEndpoint'
import { loadSite, type Site } from './site'
import { isMember, loadVisitor, type Visitor } from './visitor'

export type PushActionResult = { ok: true } | { ok: false; error: string; message: string }

const refused = (error: string, message: string): PushActionResult => ({ ok: false, error, message })

type Found = { refusal: PushActionResult } | { site: Site; visitor: Visitor }

/** The signed-in member of an open site, or a refusal. */
const memberOf = async (siteKey: string): Promise<Found> => {
  const site = await loadSite(siteKey)
  if (!site || !site.open) return { refusal: refused('not_found', 'This site is not available.') }
  const visitor = await loadVisitor(site)
  if (!visitor || !isMember(visitor)) return { refusal: refused('unauthenticated', 'Log in as a member first.') }
  return { site, visitor }
}

/**
 * Saves this browser's push subscription for the signed-in member (`POST
 * /api/push-subscriptions/subscribe`, as the member; the endpoint validates it).
 */
export async function savePushSubscription(
  siteKey: string,
  subscription: unknown,
  userAgent: string,
): Promise<PushActionResult> {
  const found = await memberOf(siteKey)
  if ('refusal' in found) return found.refusal
  const answer = await callEndpoint<PushSubscribeReply>({
    collection: 'push-subscriptions',
    path: '/subscribe',
    method: 'post',
    body: { tenant: found.site.tenant.id, subscription, userAgent: String(userAgent).slice(0, 500) },
    user: found.visitor.user,
  })
  return answer.ok
    ? { ok: true }
    : refused(answer.body.error ?? 'failed', answer.body.message ?? 'Push notifications could not be turned on.')
}

/** Forgets this browser's push subscription of the signed-in member (`POST /api/push-subscriptions/unsubscribe`). */
export async function removePushSubscription(siteKey: string, endpoint: string): Promise<PushActionResult> {
  const found = await memberOf(siteKey)
  if ('refusal' in found) return found.refusal
  const answer = await callEndpoint<PushUnsubscribeReply>({
    collection: 'push-subscriptions',
    path: '/unsubscribe',
    method: 'post',
    body: { tenant: found.site.tenant.id, endpoint: String(endpoint) },
    user: found.visitor.user,
  })
  return answer.ok
    ? { ok: true }
    : refused(answer.body.error ?? 'failed', answer.body.message ?? 'Push notifications could not be turned off.')
}
