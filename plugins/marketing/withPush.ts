import type { Config } from 'payload'
import { withSqlTables } from '@/core'
import { PushSubscriptions } from './collections/PushSubscriptions'
import { vapidPublicKeyEndpoint } from './endpoints/push/pushEndpoints'
import { encryptedSecretsTable } from './operations/sql/encryptedSecretsTable'
import { pushSubscriptionsTable } from './operations/sql/pushSubscriptionsTable'

/**
 * Web Push (VAPID): the `push-subscriptions` collection with its subscribe / unsubscribe
 * endpoints and `GET /api/push/vapid-public-key`. The `push` channel of automation steps sends
 * through `channels/push/sendPushMessage` (see README.md, "Web push").
 */
export const withPush = (config: Config, o: { adminGroup: string }): Config =>
  withSqlTables(
    {
      ...config,
      collections: [...(config.collections ?? []), PushSubscriptions(o.adminGroup)],
      endpoints: [...(config.endpoints ?? []), vapidPublicKeyEndpoint],
    },
    [pushSubscriptionsTable, encryptedSecretsTable],
  )
