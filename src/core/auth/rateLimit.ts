import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '../db/sqlFor'
import { redisClientOf } from './redisClientOf'

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number }

/**
 * Fixed-window counter shared by every web replica: Redis INCR when the Redis KV adapter is
 * configured, else one atomic upsert on Payload's database KV table. Counted outside any request
 * transaction, so a failed login still counts.
 */
export const rateLimit = async (
  payload: Payload,
  { key, limit, windowSeconds }: { key: string; limit: number; windowSeconds: number },
): Promise<RateLimitResult> => {
  const fullKey = `ratelimit:${key}`
  const redis = redisClientOf(payload.kv)
  if (redis) {
    const replies = await redis
      .multi()
      .incr(fullKey)
      .pexpire(fullKey, windowSeconds * 1000, 'NX')
      .pttl(fullKey)
      .exec()
    const count = Number(replies?.[0]?.[1] ?? 0)
    const ttl = Number(replies?.[2]?.[1] ?? windowSeconds * 1000)
    return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Math.ceil(ttl / 1000)) }
  }
  const now = Date.now()
  const resetAt = now + windowSeconds * 1000
  const [row] = await runSql<{ data: { count: number; resetAt: number } }>(
    { payload, transactionID: undefined },
    sql`
      INSERT INTO payload_kv (key, data)
      VALUES (${fullKey}, jsonb_build_object('count', 1, 'resetAt', ${resetAt}::bigint))
      ON CONFLICT (key) DO UPDATE SET data = CASE
        WHEN (payload_kv.data->>'resetAt')::bigint <= ${now}::bigint
          THEN jsonb_build_object('count', 1, 'resetAt', ${resetAt}::bigint)
        ELSE jsonb_set(payload_kv.data, '{count}', to_jsonb((payload_kv.data->>'count')::int + 1))
      END
      RETURNING data`,
  )
  const count = Number(row.data.count)
  return {
    allowed: count <= limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((Number(row.data.resetAt) - now) / 1000)),
  }
}
