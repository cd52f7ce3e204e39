import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { localDayBounds, lockKey, OperationError, runSql } from '@/core'
import { PUBLISH_REFUSALS } from '../contract'
import { estimateSimilarity } from './fingerprint'
import { lshBands } from './lshBands'
import { blogPostsTable } from './sql/websiteSqlTables'
import { websiteSettings } from './websiteSettings'

export type PublishCheck = {
  /** The post (null while it is being created). */
  id: string | null
  tenant: string
  fingerprint: number[]
  /** First publication (counts towards the weekly cap); a re-publication of edits does not. */
  firstPublication: boolean
  now: Date
}

export type PublishPolicy = { weeklyPublishCap: number; duplicateThreshold: number }

/**
 * Refuses publishing a post, in the request's transaction, when
 * - it is a first publication and the tenant already published its weekly cap this week (Monday
 *   to Monday in the tenant's zone): 409 `weekly_cap_reached`;
 * - its fingerprint is a near-duplicate (estimated Jaccard ≥ threshold) of another tenant's
 *   published post: 409 `near_duplicate`, naming that post and the similarity. Only posts sharing
 *   an LSH band key (`lshBands`, GIN-indexed) are compared, so the check reads a handful of rows
 *   however many posts all tenants have.
 * Publications of one tenant are serialised (advisory lock until commit) so two at once cannot
 * both take the last place of the week.
 */
export const assertPublishable = async (req: PayloadRequest, check: PublishCheck, policy: PublishPolicy) => {
  const b = blogPostsTable(req)
  const settings = await websiteSettings(req, check.tenant, policy.weeklyPublishCap)
  if (!settings) throw new OperationError(404, 'not_found', 'The post’s tenant does not exist.')
  if (check.firstPublication) {
    await lockKey(req, `website.publish:${check.tenant}`)
    const { weekFrom, weekTo } = localDayBounds(check.now, settings.timezone)
    const [row] = await runSql<{ n: number }>(
      req,
      sql`SELECT count(*)::int AS n FROM ${b.$table}
          WHERE ${b.tenant} = ${check.tenant} AND ${b.status} = 'published' AND ${b.deletedAt} IS NULL
            AND ${b.publishedAt} >= ${weekFrom.toISOString()} AND ${b.publishedAt} < ${weekTo.toISOString()}
            AND ${b.id} IS DISTINCT FROM ${check.id}`,
    )
    if (row.n >= settings.weeklyPublishCap)
      throw new OperationError(
        409,
        PUBLISH_REFUSALS.weeklyCap,
        `This week’s publishing cap is reached: ${row.n} of ${settings.weeklyPublishCap} posts are already published (the week runs Monday to Monday, ${settings.timezone}). Schedule it for next week or raise the cap in the settings.`,
      )
  }
  if (!check.fingerprint.length) return
  // Candidates from the index: other tenants' published posts sharing at least one LSH band key
  // (GIN on `lsh_bands`), then the full signature's estimate on those only.
  const keys = lshBands(check.fingerprint)
  if (!keys.length) return
  const others = await runSql<{ id: string; title: string; fingerprint: number[] | string | null }>(
    req,
    sql`SELECT ${b.id} AS id, ${b.title} AS title, ${b.fingerprint} AS fingerprint FROM ${b.$table}
        WHERE ${b.lshBands} ?| ${`{${keys.join(',')}}`}::text[]
          AND ${b.tenant} <> ${check.tenant} AND ${b.status} = 'published' AND ${b.deletedAt} IS NULL
          AND ${b.fingerprint} IS NOT NULL`,
  )
  let best: { id: string; title: string; similarity: number } | null = null
  for (const other of others) {
    const print =
      typeof other.fingerprint === 'string' ? (JSON.parse(other.fingerprint) as number[]) : other.fingerprint
    if (!Array.isArray(print)) continue
    const similarity = estimateSimilarity(check.fingerprint, print)
    if (!best || similarity > best.similarity) best = { id: String(other.id), title: other.title, similarity }
  }
  if (best && best.similarity >= policy.duplicateThreshold)
    throw new OperationError(
      409,
      PUBLISH_REFUSALS.nearDuplicate,
      `This post is a near-duplicate of another business’s published post “${best.title}” (${best.id}): ${Math.round(best.similarity * 100)}% similar, the limit is ${Math.round(policy.duplicateThreshold * 100)}%. Rewrite it with your own classes, people and prices.`,
    )
}
