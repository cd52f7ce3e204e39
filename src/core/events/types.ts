import type { PayloadRequest } from 'payload'

/** The envelope every domain event travels in (DOMAIN-MAP §5). */
export type DomainEvent<Data = Record<string, unknown>> = {
  id: string
  type: string
  version: number
  tenant: string | null
  occurredAt: string
  actor: string | null
  subject: { collection: string; id: string } | null
  data: Data
}

/**
 * A handler that runs as a retried job after the emitting transaction commits. It must be
 * idempotent on `event.id` (delivery is at least once).
 */
export type Subscriber = {
  /** Unique name, e.g. `marketing.welcomeEmail`. */
  name: string
  /** Event type, or `*` for every event. */
  event: string
  handler: (event: DomainEvent, ctx: { req: PayloadRequest }) => Promise<void> | void
}
