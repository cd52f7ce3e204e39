import type { MyNotifications, VapidPublicKeyReply } from '@plugins/marketing/contract'
import { callEndpoint } from './callEndpoint'
import type { Site } from './site'
import type { Visitor } from './visitor'

/**
 * The member's latest in-app notifications in this tenant and their unread count
 * (`GET /api/notifications/mine`, as the member); null when the marketing plugin is not installed.
 */
export const myNotifications = async (site: Site, visitor: Visitor): Promise<MyNotifications | null> => {
  const answer = await callEndpoint<MyNotifications>({
    collection: 'notifications',
    path: '/mine',
    method: 'get',
    query: { tenant: site.tenant.id },
    user: visitor.user,
  })
  return answer.ok ? answer.body : null
}

/** The platform's VAPID public key for the push button (`GET /api/push/vapid-public-key`); null without the marketing plugin. */
export const vapidPublicKey = async (): Promise<string | null> => {
  const answer = await callEndpoint<VapidPublicKeyReply>({ path: '/push/vapid-public-key', method: 'get' })
  return answer.ok ? answer.body.publicKey : null
}
