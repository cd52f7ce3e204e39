import type { Config } from 'payload'
import { subscribe, withSqlTables } from '@/core'
import { WebhookDeliveries } from './collections/WebhookDeliveries'
import { WebhookEndpoints } from './collections/WebhookEndpoints'
import { replayDeliveryEndpoint } from './endpoints/replayDeliveryEndpoint'
import { rotateWebhookSecretEndpoint } from './endpoints/rotateWebhookSecretEndpoint'
import { zapierEndpoints } from './endpoints/zapierEndpoints'
import { deliverWebhooksTask } from './jobs/deliverWebhooksTask'
import { postSlackMessageTask } from './jobs/postSlackMessageTask'
import { webhookSqlTables } from './operations/sql/webhookSqlTables'
import { outboundSubscriber } from './operations/webhooks/outboundSubscriber'
import type { WebhookOptions } from './types'

/**
 * Outbound webhooks (endpoints, deliveries, the delivery job, replay and secret rotation), Zapier
 * REST hooks and Slack posts: one `*` subscriber fans every tenant event out to them.
 */
export const withWebhooks = (config: Config, o: { adminGroup: string; webhooks: Required<WebhookOptions> }): Config => {
  const endpoints = WebhookEndpoints(o.adminGroup)
  const deliveries = WebhookDeliveries(o.adminGroup)
  const withCollections: Config = {
    ...config,
    collections: [
      ...(config.collections ?? []),
      { ...endpoints, endpoints: [rotateWebhookSecretEndpoint(o.webhooks.rotationOverlapHours)] },
      { ...deliveries, endpoints: [replayDeliveryEndpoint] },
    ],
    endpoints: [...(config.endpoints ?? []), ...zapierEndpoints],
    jobs: {
      ...config.jobs,
      tasks: [
        ...(config.jobs?.tasks ?? []),
        deliverWebhooksTask(o.webhooks),
        postSlackMessageTask(o.webhooks.timeoutMs),
      ],
    },
  }
  return withSqlTables(subscribe(withCollections, outboundSubscriber), webhookSqlTables)
}
