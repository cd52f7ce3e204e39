import { revalidateTag } from 'next/cache'
import { idOf } from '../access/idOf'
import { SITE_TENANTS_TAG, siteTag, type SitePart } from './siteTag'

/**
 * How long after a change of places, prices or events a cached page may still be served while
 * it re-renders in the background (seconds). Past this, the next visitor waits for a fresh render,
 * so a quiet site never shows places left older than this.
 */
export const SITE_STALE_SECONDS = 3

const invalidate = (tag: string, expire: number) => {
  try {
    revalidateTag(tag, { expire })
  } catch {
    // Outside a Next.js request (the jobs worker, seed, migrations, tests) or while a page renders
    // there is no cache of this process to invalidate: pages re-render after their `revalidate`.
  }
}

/**
 * The one call after a write that changes what a tenant's public site shows. Without a part:
 * the tenant's name, settings or locations (cached data, expired at once). With a part: a page's
 * own content (places left, prices, events, services), re-rendered within `SITE_STALE_SECONDS`.
 * Next applies the invalidation when the request that made the change ends.
 */
export const siteChanged = (tenant: unknown, part?: SitePart): void => {
  const id = idOf(tenant)
  if (!id) return
  if (part) invalidate(siteTag(id, part), SITE_STALE_SECONDS)
  else invalidate(siteTag(id), 0)
}

/** A tenant was created, renamed, suspended or given a domain: which tenant a slug or host names. */
export const tenantsChanged = (tenant: unknown): void => {
  invalidate(SITE_TENANTS_TAG, 0)
  siteChanged(tenant)
}
