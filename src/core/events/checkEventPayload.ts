import type { EventSchemas } from './defineEvents'

/**
 * Throws unless `data` matches the registered schema of `type` (an unregistered type throws too).
 * `emit` calls it in tests only, so a payload that drifts from its contract fails the suite while
 * production pays nothing.
 */
export const checkEventPayload = (schemas: EventSchemas, type: string, data: unknown): void => {
  const schema = schemas[type as keyof EventSchemas]
  if (!schema)
    throw new Error(
      `Event "${type}" is not registered: declare its zod schema in the emitting plugin's contract.ts and register it with defineEvents(config, schemas).`,
    )
  const result = schema.safeParse(data)
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ')
    throw new Error(`Event "${type}" does not match its schema: ${issues}`)
  }
}
