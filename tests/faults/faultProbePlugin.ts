import { sql } from '@payloadcms/db-postgres'
import type { Plugin } from 'payload'
import { runSql, subscribe, type Subscriber } from '@/core'

/** The subscribers the worker fault test watches, each with its own idempotent effect. */
export const PROBE_SUBSCRIBERS = ['faults.probeA', 'faults.probeB']

/**
 * Two subscribers to `location.created` for the fault tests: each records every attempt and, once
 * per event (keyed by event id), its effect, in tables the test creates (`fault_attempts`,
 * `fault_effects`). `FAULT_PROBE_DELAY_MS` keeps each delivery busy long enough to be killed in.
 */
export const faultProbePlugin = (): Plugin => (config) =>
  subscribe(
    config,
    ...PROBE_SUBSCRIBERS.map(
      (name): Subscriber<'location.created'> => ({
        name,
        event: 'location.created',
        handler: async (event, { req }) => {
          await runSql(req, sql`INSERT INTO fault_attempts (event_id, subscriber) VALUES (${event.id}, ${name})`)
          await new Promise((r) => setTimeout(r, Number(process.env.FAULT_PROBE_DELAY_MS ?? 0)))
          await runSql(
            req,
            sql`INSERT INTO fault_effects (event_id, subscriber, location_id) VALUES (${event.id}, ${name}, ${event.subject?.id ?? null})
              ON CONFLICT (event_id, subscriber) DO NOTHING`,
          )
        },
      }),
    ),
  )

/** The tables the probe writes to, created by the test before anything is delivered. */
export const PROBE_TABLES = [
  sql`CREATE TABLE IF NOT EXISTS fault_attempts (event_id uuid NOT NULL, subscriber text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp())`,
  sql`CREATE TABLE IF NOT EXISTS fault_effects (event_id uuid NOT NULL, subscriber text NOT NULL, location_id uuid, PRIMARY KEY (event_id, subscriber))`,
]
