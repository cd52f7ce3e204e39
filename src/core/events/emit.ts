import type { PayloadRequest } from 'payload'
import { randomUUID } from 'node:crypto'
import { idOf } from '../access/idOf'
import type { DomainEvent } from './types'
import { subscribersOf } from './subscribe'

export const DELIVER_EVENT_TASK = 'deliverEvent'

/**
 * Emits a domain event: queues one `deliverEvent` job per subscriber inside the request's
 * transaction (a transactional outbox), so the event exists exactly when the change commits.
 */
export const emit = async <Data extends Record<string, unknown>>(
  req: PayloadRequest,
  input: {
    type: string
    data: Data
    tenant?: unknown
    subject?: { collection: string; id: unknown }
    version?: number
  },
): Promise<DomainEvent<Data>> => {
  const event: DomainEvent<Data> = {
    id: randomUUID(),
    type: input.type,
    version: input.version ?? 1,
    tenant: idOf(input.tenant) ?? null,
    occurredAt: new Date().toISOString(),
    actor: req.user ? String(req.user.id) : null,
    subject: input.subject ? { collection: input.subject.collection, id: idOf(input.subject.id) ?? '' } : null,
    data: input.data,
  }
  const subscribers = subscribersOf(req.payload.config.custom).filter((s) => s.event === event.type || s.event === '*')
  for (const subscriber of subscribers) {
    await req.payload.jobs.queue({
      task: DELIVER_EVENT_TASK as never,
      input: { event, subscriber: subscriber.name } as never,
      req,
    })
  }
  return event
}
