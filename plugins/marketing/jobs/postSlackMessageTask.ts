import type { TaskConfig } from 'payload'
import type { DomainEvent } from '@/core'
import { postToSlack } from '../integrations/slack/postToSlack'
import { slackConnectionOf, slackWebhookUrlOf } from '../integrations/slack/slackConnectionOf'
import { slackMessageOf } from '../integrations/slack/slackMessageOf'
import { webhookUrlProblem } from '../operations/webhooks/webhookUrlProblem'

export const POST_SLACK_MESSAGE_TASK = 'postSlackMessage'

/** Posts one event to the tenant's Slack incoming webhook; a failure is retried by the jobs queue. */
export const postSlackMessageTask = (timeoutMs: number): TaskConfig => ({
  slug: POST_SLACK_MESSAGE_TASK,
  label: 'Post an event to Slack',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [{ name: 'event', type: 'json', required: true }],
  outputSchema: [{ name: 'posted', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const event = (input as { event: DomainEvent<unknown> }).event
    if (!event.tenant) return { output: { posted: false } }
    const connection = await slackConnectionOf(req, event.tenant)
    const url = connection ? await slackWebhookUrlOf(req, connection.id) : undefined
    // Disconnected since, or no usable URL: nothing to post.
    if (!url || webhookUrlProblem(url)) return { output: { posted: false } }
    const tenant = await req.payload.db.findOne<{ id: string; name?: string }>({
      collection: 'tenants',
      where: { id: { equals: event.tenant } },
      req,
    })
    await postToSlack(url, slackMessageOf(event, tenant?.name), timeoutMs)
    return { output: { posted: true } }
  },
})
