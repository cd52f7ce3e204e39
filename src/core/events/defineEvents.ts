import type { Config } from 'payload'
import type { z } from 'zod'
import { coreEventSchemas } from './coreEvents'
import type { AtriumEvents, EventType } from './types'

/** The zod schema of each event's `data`, by event type (a plugin's contract exports its own). */
export type EventSchemas = { [K in EventType]?: z.ZodType<AtriumEvents[K]> }

/**
 * Registers the schemas of the events a plugin emits (use inside a plugin, beside `subscribe`).
 * In tests `emit` validates every payload against them and refuses unregistered types.
 */
export const defineEvents = (config: Config, schemas: EventSchemas): Config => {
  const existing = eventSchemasOf(config.custom)
  for (const [type, schema] of Object.entries(schemas)) {
    if (type in existing && existing[type as EventType] !== schema)
      throw new Error(`Event "${type}" is defined twice (an event belongs to the one plugin that emits it)`)
  }
  return { ...config, custom: { ...config.custom, eventSchemas: { ...config.custom?.eventSchemas, ...schemas } } }
}

/** The registered schemas: the kernel's own events and every plugin's `defineEvents`. */
export const eventSchemasOf = (custom: Record<string, unknown> | undefined): EventSchemas => ({
  ...coreEventSchemas,
  ...(custom?.eventSchemas as EventSchemas | undefined),
})
