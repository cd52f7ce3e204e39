/**
 * The marketing plugin's public face: the events it emits and the shapes of its endpoints. Zod and
 * types only, no server code: the site and other plugins may import this file and nothing else of it.
 */
import { z } from 'zod'

// ---- Events ----

export const marketingEventSchemas = {}

type MarketingEvents = { [K in keyof typeof marketingEventSchemas]: z.infer<(typeof marketingEventSchemas)[K]> }

declare module '@/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends MarketingEvents {}
}

// ---- Endpoints ----
