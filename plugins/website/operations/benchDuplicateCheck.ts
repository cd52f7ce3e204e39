import { createLocalReq, type Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { PUBLISH_REFUSALS } from '../contract'
import { assertPublishable } from './assertPublishable'
import { estimateSimilarity, fingerprintOf } from './fingerprint'
import { lshBandsSql } from './sql/lshBandsSql'
import { blogPostsTable } from './sql/websiteSqlTables'

export type DuplicateCheckBenchResult = {
  /** Other tenants' published posts with a fingerprint when the checks ran. */
  posts: number
  checks: number
  /** Mean and worst time of one publish-time near-duplicate check through the index (ms). */
  meanMs: number
  maxMs: number
  /** The same question answered the old way once: every other tenant's fingerprint read and compared (ms). */
  fullScanMs: number
  /** A near copy of a planted post of another tenant was refused `near_duplicate`. */
  nearCopyCaught: boolean
}

const TEXT =
  'Our indoor golf bays stay warm all winter: book a Trackman bay for an hour after work, bring two friends, and the coach reviews your swing data with you before the season opens on the course again in spring.'

/**
 * Bench hook (`npm run bench`): `posts` published posts with random fingerprints (unrelated texts)
 * spread over other tenants (one SQL statement, their index keys by the migration's SQL), one
 * planted post of another tenant with a real text; then `checks` publish-time near-duplicate
 * checks for `tenantId` (fresh texts, passing) timed one by one, a near copy of the planted post
 * (must be refused), and the former full scan once for comparison. Reports, never asserts.
 */
export const benchDuplicateCheck = async (
  payload: Payload,
  { tenantId, posts, checks = 20 }: { tenantId: string; posts: number; checks?: number },
): Promise<DuplicateCheckBenchResult> => {
  const req = await createLocalReq({}, payload)
  const db = { payload, transactionID: undefined }
  const b = blogPostsTable(req)
  const others = await runSql<{ id: string }>(db, sql`SELECT id FROM tenants WHERE id <> ${tenantId} LIMIT 50`)
  if (!others.length) throw new Error('benchDuplicateCheck: needs at least one other tenant')
  const ids = `{${others.map((o) => o.id).join(',')}}`
  if (posts > 0)
    await runSql(
      db,
      sql`INSERT INTO ${b.$table} (${b.tenant}, ${b.title}, ${b.slug}, ${b.status}, ${b.publishedAt}, ${b.fingerprint})
          SELECT (${ids}::uuid[])[1 + n % ${others.length}], 'Duplicate bench ' || n, 'dup-bench-' || n || '-' || md5(random()::text),
                 'published', now() - interval '400 days', fp.fp
          FROM generate_series(1, ${posts}) AS n
          CROSS JOIN LATERAL (SELECT jsonb_agg(floor(random() * 4294967296)::bigint) AS fp FROM generate_series(1, 128) AS s WHERE n > 0) AS fp`,
    )
  const planted = fingerprintOf(TEXT, 4)
  await runSql(
    db,
    sql`INSERT INTO ${b.$table} (${b.tenant}, ${b.title}, ${b.slug}, ${b.status}, ${b.publishedAt}, ${b.fingerprint})
        VALUES (${others[0].id}, 'Planted post', ${`dup-bench-planted-${Date.now()}`}, 'published', now() - interval '400 days', ${JSON.stringify(planted)}::jsonb)`,
  )
  await runSql(
    db,
    sql`UPDATE ${b.$table} SET ${b.lshBands} = ${lshBandsSql(sql`${b.fingerprint}`)} WHERE ${b.lshBands} IS NULL AND ${b.fingerprint} IS NOT NULL`,
  )
  await runSql(db, sql`ANALYZE ${b.$table}`)
  const [{ n }] = await runSql<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM ${b.$table} WHERE ${b.tenant} <> ${tenantId} AND ${b.status} = 'published' AND ${b.fingerprint} IS NOT NULL`,
  )

  const policy = { weeklyPublishCap: 1_000_000, duplicateThreshold: 0.5 }
  const times: number[] = []
  for (let i = 0; i < checks; i++) {
    const fingerprint = fingerprintOf(`${TEXT.split(' ').reverse().join(' ')} take ${i} of ${Date.now()}`, 4)
    const started = performance.now()
    await assertPublishable(
      req,
      { id: null, tenant: tenantId, fingerprint, firstPublication: false, now: new Date() },
      policy,
    )
    times.push(performance.now() - started)
  }
  let nearCopyCaught = false
  try {
    const copy = fingerprintOf(TEXT.replace('winter', 'January'), 4)
    await assertPublishable(
      req,
      { id: null, tenant: tenantId, fingerprint: copy, firstPublication: false, now: new Date() },
      policy,
    )
  } catch (error) {
    nearCopyCaught = error instanceof OperationError && error.code === PUBLISH_REFUSALS.nearDuplicate
  }

  // The former check, for comparison: every other tenant's published fingerprint read and compared.
  const scanStarted = performance.now()
  const all = await runSql<{ fingerprint: number[] | string }>(
    db,
    sql`SELECT ${b.fingerprint} AS fingerprint FROM ${b.$table}
        WHERE ${b.tenant} <> ${tenantId} AND ${b.status} = 'published' AND ${b.deletedAt} IS NULL AND ${b.fingerprint} IS NOT NULL`,
  )
  for (const row of all) {
    const print = typeof row.fingerprint === 'string' ? (JSON.parse(row.fingerprint) as number[]) : row.fingerprint
    estimateSimilarity(planted, print)
  }
  const fullScanMs = performance.now() - scanStarted
  const mean = times.reduce((sum, t) => sum + t, 0) / Math.max(1, times.length)
  return {
    posts: n,
    checks,
    meanMs: Number(mean.toFixed(2)),
    maxMs: Number(Math.max(0, ...times).toFixed(2)),
    fullScanMs: Number(fullScanMs.toFixed(1)),
    nearCopyCaught,
  }
}
