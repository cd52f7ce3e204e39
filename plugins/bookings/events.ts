import type { Config } from 'payload'
import { defineEvents } from '@/core'
import { bookingsEventSchemas } from './contract'

/**
 * The events bookings emits, registered with their zod schemas (declared with their payload types
 * in contract.ts, `// ---- Events ----`). All carry tenant and subject. It subscribes to none yet.
 */
export const withBookingsEvents = (config: Config): Config => defineEvents(config, bookingsEventSchemas)
