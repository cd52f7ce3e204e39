import type { Subscriber } from '@/core'
import { POST_SLACK_MESSAGE_TASK } from '../../jobs/postSlackMessageTask'
import { DELIVER_WEBHOOKS_TASK } from '../../jobs/deliverWebhooksTask'
import { slackConnectionOf } from '../../integrations/slack/slackConnectionOf'
import { fanOutEvent, isWebhookInternalEvent } from './fanOutEvent'

/**
 * Every event of a tenant: one delivery per subscribed webhook endpoint (idempotent on the event
 * id), then a delivery run for those endpoints; and a Slack post when the tenant's Slack
 * connection lists the event type.
 */
export const outboundSubscriber: Subscriber<'*'> = {
  name: 'marketing.outboundWebhooks',
  event: '*',
  handler: async (event, { req }) => {
    if (!event.tenant || isWebhookInternalEvent(event.type)) return
    const endpoints = await fanOutEvent(req, event)
    if (endpoints.length > 0) await req.payload.jobs.queue({ task: DELIVER_WEBHOOKS_TASK, input: { endpoints }, req })
    const slack = await slackConnectionOf(req, event.tenant)
    if (slack && (slack.events.includes(event.type) || slack.events.includes('*')))
      await req.payload.jobs.queue({ task: POST_SLACK_MESSAGE_TASK, input: { event }, req })
  },
}
