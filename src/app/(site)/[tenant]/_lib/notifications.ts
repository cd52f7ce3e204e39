import type { MyNotifications } from '@plugins/marketing/contract'
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
