import { createHash } from 'node:crypto'

/**
 * The public schedule's read cache, per process: the JSON body of each schedule query for a few
 * seconds, dropped for a tenant whenever its classes or places change (book, cancel, promote,
 * class edits): at once in the process that wrote, and in every other web process and the worker
 * through the schedule bus (scheduleBus.ts) after the change commits. `TTL_MS` bounds what a lost
 * message could leave stale; browsers and CDNs get their own short `max-age` from the endpoint.
 * Places are never decided from it: booking reads and locks the class row itself.
 */
export const SCHEDULE_TTL_MS = 2_000
const MAX_ENTRIES = 2_000

type Entry = { tenant: string; slug: string; body: string; etag: string; expires: number }
const entries = new Map<string, Entry>()
/** Keys of the cached entries of each tenant, by tenant id and by slug. */
const keysOf = new Map<string, Set<string>>()

const index = (tenant: string, key: string) => {
  let keys = keysOf.get(tenant)
  if (!keys) keysOf.set(tenant, (keys = new Set()))
  keys.add(key)
}
const unindex = (tenant: string, key: string) => {
  const keys = keysOf.get(tenant)
  if (keys?.delete(key) && !keys.size) keysOf.delete(tenant)
}
const drop = (key: string) => {
  const entry = entries.get(key)
  if (!entry) return
  entries.delete(key)
  unindex(entry.tenant, key)
  unindex(entry.slug, key)
}

export const scheduleCache = {
  get(key: string): Entry | undefined {
    const entry = entries.get(key)
    if (!entry) return undefined
    if (entry.expires <= Date.now()) {
      drop(key)
      return undefined
    }
    return entry
  },
  /** `key` starts with the tenant's slug and a `|`; `tenant` is its id. */
  set(key: string, tenant: string, body: string): Entry {
    drop(key)
    if (entries.size >= MAX_ENTRIES) drop(entries.keys().next().value as string)
    const slug = key.slice(0, key.indexOf('|'))
    const entry = {
      tenant,
      slug,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      expires: Date.now() + SCHEDULE_TTL_MS,
    }
    entries.set(key, entry)
    index(tenant, key)
    index(slug, key)
    return entry
  },
  /** Forget every cached schedule of `tenant` (its id or slug). */
  invalidate(tenant: string): void {
    const keys = keysOf.get(tenant)
    if (keys) for (const key of [...keys]) drop(key)
  },
  clear(): void {
    entries.clear()
    keysOf.clear()
  },
}
