import { createHash } from 'node:crypto'

/**
 * The public schedule's read cache, per process: the JSON body of each schedule query for a few
 * seconds, dropped at once for a tenant whenever this process changes that tenant's classes or
 * places (book, cancel, promote, class edits). Another replica's change shows within `TTL_MS`,
 * which is tighter than the `max-age` the endpoint already gives browsers and CDNs. Places are
 * never decided from it: booking reads and locks the class row itself.
 */
export const SCHEDULE_TTL_MS = 2_000
const MAX_ENTRIES = 2_000

type Entry = { tenant: string; body: string; etag: string; expires: number }
const entries = new Map<string, Entry>()

export const scheduleCache = {
  get(key: string): Entry | undefined {
    const entry = entries.get(key)
    if (!entry) return undefined
    if (entry.expires <= Date.now()) {
      entries.delete(key)
      return undefined
    }
    return entry
  },
  set(key: string, tenant: string, body: string): Entry {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
    const entry = {
      tenant,
      body,
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      expires: Date.now() + SCHEDULE_TTL_MS,
    }
    entries.set(key, entry)
    return entry
  },
  /** Forget every cached schedule of `tenant` (its id or slug). */
  invalidate(tenant: string): void {
    for (const [key, entry] of entries) if (entry.tenant === tenant || key.startsWith(`${tenant}|`)) entries.delete(key)
  },
  clear(): void {
    entries.clear()
  },
}
