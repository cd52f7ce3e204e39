import type { TaskConfig } from 'payload'
import type { AnyDomainEvent, Subscriber } from './types'
import { DELIVER_EVENT_TASK } from './emit'
import { subscribersOf } from './subscribe'

/** Runs one subscriber for one event; failures are retried with backoff by the jobs queue. */
export const deliverEventTask: TaskConfig = {
  slug: DELIVER_EVENT_TASK,
  label: 'Deliver a domain event to a subscriber',
  retries: { attempts: 8, backoff: { type: 'exponential', delay: 1000 } },
  inputSchema: [
    { name: 'event', type: 'json', required: true },
    { name: 'subscriber', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'delivered', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const { event, subscriber } = input as { event: AnyDomainEvent; subscriber: string }
    const target = subscribersOf(req.payload.config.custom).find((s) => s.name === subscriber)
    if (!target) {
      req.payload.logger.warn(`No subscriber "${subscriber}" for event ${event.type} ${event.id}; skipped`)
      return { output: { delivered: false } }
    }
    // The event was built by `emit` for this subscriber's type (or `*`), so its handler takes it.
    await (target.handler as Subscriber<'*'>['handler'])(event, { req })
    return { output: { delivered: true } }
  },
}
