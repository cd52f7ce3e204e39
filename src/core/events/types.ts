import type { PayloadRequest } from 'payload'

/**
 * The typed event map: event type → the type of its `data`. Empty here: the kernel's own events
 * (`coreEvents.ts`) and each plugin's `contract.ts` add theirs by declaration merging,
 *
 *   declare module '@/core' { interface AtriumEvents { 'booking.created': BookingCreated } }
 *
 * so `emit` and `subscribe` only accept declared types, with their payloads.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AtriumEvents {}

/** Every declared event type. */
export type EventType = keyof AtriumEvents & string

/** The envelope every domain event travels in (DOMAIN-MAP §5). */
export type DomainEvent<Data = Record<string, unknown>, Type extends string = string> = {
  id: string
  type: Type
  version: number
  tenant: string | null
  occurredAt: string
  actor: string | null
  subject: { collection: string; id: string } | null
  data: Data
}

/** The event of one declared type, with its typed `data`. */
export type EventOf<K extends EventType> = DomainEvent<AtriumEvents[K], K>

/** Any declared event: a union discriminated by `type` (what a `*` subscriber receives). */
export type AnyDomainEvent = { [K in EventType]: EventOf<K> }[EventType]

type Handler<E> = (event: E, ctx: { req: PayloadRequest }) => Promise<void> | void

/**
 * A handler that runs as a retried job after the emitting transaction commits. It must be
 * idempotent on `event.id` (delivery is at least once). `Subscriber<'booking.cancelled'>` receives
 * `EventOf<'booking.cancelled'>`; `Subscriber<'*'>` every event; plain `Subscriber` is any of them.
 */
export type Subscriber<K extends EventType | '*' = EventType | '*'> = K extends EventType
  ? {
      /** Unique name, e.g. `marketing.welcomeEmail`. */
      name: string
      /** The event type it handles. */
      event: K
      handler: Handler<EventOf<K>>
    }
  : { name: string; event: '*'; handler: Handler<AnyDomainEvent> }
