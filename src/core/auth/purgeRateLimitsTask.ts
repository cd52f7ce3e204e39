import { sql } from '@payloadcms/db-postgres'
import type { TaskConfig } from 'payload'
import { runSql } from '../db/sqlFor'
import { redisClientOf } from './redisClientOf'

/**
 * Hourly: removes finished rate-limit windows from Payload's database KV table. (With Redis the
 * keys expire on their own and there is nothing to do.)
 */
export const purgeRateLimitsTask: TaskConfig = {
  slug: 'purgeRateLimits',
  label: 'Purge expired rate-limit windows',
  schedule: [{ cron: '0 17 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number' }],
  handler: async ({ req }) => {
    if (redisClientOf(req.payload.kv)) return { output: { deleted: 0 } }
    const rows = await runSql(
      req,
      sql`DELETE FROM payload_kv WHERE key LIKE 'ratelimit:%' AND (data->>'resetAt')::bigint < ${Date.now()}::bigint RETURNING key`,
    )
    return { output: { deleted: rows.length } }
  },
}
