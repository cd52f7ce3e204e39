import type { PayloadRequest } from 'payload'
import { randomUUID } from 'node:crypto'
import { sql } from '@payloadcms/db-postgres'
import { idOf } from '../access/idOf'
import { jobsTable } from '../db/kernelTables'
import { runSql } from '../db/sqlFor'
import type { AtriumEvents, EventOf, EventType } from './types'
import { checkEventPayload } from './checkEventPayload'
import { eventSchemasOf } from './defineEvents'
import { subscribersOf } from './subscribe'

export const DELIVER_EVENT_TASK = 'deliverEvent'

/** What `emit` takes: a declared event type and its payload, with the tenant and subject it is about. */
export type EmitInput<K extends EventType> = {
  type: K
  data: AtriumEvents[K]
  tenant?: unknown
  subject?: { collection: string; id: unknown }
  version?: number
}

/**
 * Emits a domain event: queues one `deliverEvent` job per subscriber inside the request's
 * transaction (a transactional outbox), so the event exists exactly when the change commits. All
 * of an event's jobs are written by one statement of fixed text (prepared once per connection),
 * however many plugins subscribe: a hot path such as booking pays one round trip, not two per
 * subscriber as `payload.jobs.queue` would (the rows are what it writes: input and task).
 * `type` must be declared in the event map (`AtriumEvents`) and `data` is its payload; in tests
 * (`NODE_ENV=test`) the payload is also checked against the registered zod schema.
 */
export const emit = async <K extends EventType>(req: PayloadRequest, input: EmitInput<K>): Promise<EventOf<K>> => {
  if (process.env.NODE_ENV === 'test')
    checkEventPayload(eventSchemasOf(req.payload.config.custom), input.type, input.data)
  const event: EventOf<K> = {
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
  if (subscribers.length > 0) {
    const j = jobsTable(req)
    await runSql(
      req,
      sql`INSERT INTO ${j} (${j.input}, ${j.taskSlug})
          SELECT jsonb_build_object('event', ${JSON.stringify(event)}::jsonb, 'subscriber', subscriber), ${DELIVER_EVENT_TASK}::${j.$enum.taskSlug}
          FROM jsonb_array_elements_text(${JSON.stringify(subscribers.map((s) => s.name))}::jsonb) AS subscriber`,
      { prepared: true },
    )
  }
  return event
}
