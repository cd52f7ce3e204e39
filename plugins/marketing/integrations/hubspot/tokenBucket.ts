import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { hubspotRateLimitsTable } from './hubspotSqlTables'

/** The share of the portal's burst limit the sync may use. */
export const HUBSPOT_RATE_SHARE = 0.8

/** The bucket of a burst limit: at most `budget` requests in any `windowMs` (capacity + refill over a window = budget). */
export const bucketOf = (burstLimit: number, windowMs: number) => {
  const budget = Math.max(1, Math.floor(burstLimit * HUBSPOT_RATE_SHARE))
  const capacity = Math.max(1, Math.floor(budget / 10))
  // 2 % slack on the refill: arrival jitter never pushes a window over the budget.
  const perMs = Math.max(budget - capacity, 0.5) / (windowMs * 1.02)
  return { budget, capacity, perMs }
}

export type TakeResult = { ok: true } | { ok: false; waitMs: number }

const system = (payload: Payload) => ({ payload, transactionID: undefined })

/**
 * Takes one request token of the connection's bucket (`key`), shared by every worker process: the
 * row is refilled and debited in one conditional UPDATE (concurrent takers queue on the row lock
 * and each sees the previous one's debit), so no more than 80 % of the portal's burst limit is
 * ever used in any window. Refused while a 429's Retry-After holds (`blockedUntil`); the answer
 * then says how long to wait.
 */
export const takeHubspotToken = async (
  payload: Payload,
  key: string,
  { burstLimit, windowMs }: { burstLimit: number; windowMs: number },
): Promise<TakeResult> => {
  const { capacity, perMs } = bucketOf(burstLimit, windowMs)
  const b = hubspotRateLimitsTable(payload)
  await runSql(
    system(payload),
    sql`INSERT INTO ${b} (${b.key}, ${b.tokens}, ${b.refilledAt}, ${b.createdAt}, ${b.updatedAt})
        VALUES (${key}, ${capacity}, clock_timestamp(), now(), now())
        ON CONFLICT (${b.key}) DO NOTHING`,
  )
  const taken = await runSql<{ tokens: number }>(
    system(payload),
    sql`WITH c AS (SELECT clock_timestamp() AS at)
        UPDATE ${b} SET
          ${b.tokens} = LEAST(${capacity}::float8, ${b.tokens} + EXTRACT(EPOCH FROM (c.at - ${b.refilledAt})) * 1000 * ${perMs}::float8) - 1,
          ${b.refilledAt} = c.at, ${b.updatedAt} = now()
        FROM c
        WHERE ${b.key} = ${key}
          AND (${b.blockedUntil} IS NULL OR ${b.blockedUntil} <= c.at)
          AND LEAST(${capacity}::float8, ${b.tokens} + EXTRACT(EPOCH FROM (c.at - ${b.refilledAt})) * 1000 * ${perMs}::float8) >= 1
        RETURNING ${b.tokens} AS tokens`,
  )
  if (taken.length > 0) return { ok: true }
  const [row] = await runSql<{ tokens: number; elapsed: number; blocked: number | null }>(
    system(payload),
    sql`SELECT ${b.tokens}::float8 AS tokens, EXTRACT(EPOCH FROM (clock_timestamp() - ${b.refilledAt})) * 1000 AS elapsed,
               EXTRACT(EPOCH FROM (${b.blockedUntil} - clock_timestamp())) * 1000 AS blocked
        FROM ${b} WHERE ${b.key} = ${key}`,
  )
  if (!row) return { ok: false, waitMs: 50 }
  if (row.blocked !== null && Number(row.blocked) > 0) return { ok: false, waitMs: Math.ceil(Number(row.blocked)) }
  const available = Math.min(capacity, Number(row.tokens) + Number(row.elapsed) * perMs)
  return { ok: false, waitMs: Math.max(5, Math.ceil((1 - available) / perMs)) }
}

/** Waits for a token until `deadline` (epoch ms); false when none came in time. */
export const waitForHubspotToken = async (
  payload: Payload,
  key: string,
  options: { burstLimit: number; windowMs: number; deadline: number },
): Promise<boolean> => {
  for (;;) {
    const result = await takeHubspotToken(payload, key, options)
    if (result.ok) return true
    const wait = Math.min(result.waitMs, 2000)
    if (Date.now() + wait > options.deadline) return false
    await new Promise((resolve) => setTimeout(resolve, wait))
  }
}

/** A 429's Retry-After: every worker of the connection holds off until then. */
export const blockHubspotBucket = async (payload: Payload, key: string, retryAfterMs: number) => {
  const b = hubspotRateLimitsTable(payload)
  await runSql(
    system(payload),
    sql`UPDATE ${b} SET
          ${b.blockedUntil} = GREATEST(COALESCE(${b.blockedUntil}, clock_timestamp()), clock_timestamp() + ${retryAfterMs} * interval '1 millisecond'),
          ${b.tokens} = LEAST(${b.tokens}, 0), ${b.refilledAt} = clock_timestamp(), ${b.updatedAt} = now()
        WHERE ${b.key} = ${key}`,
  )
}
