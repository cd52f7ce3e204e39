/**
 * Next keeps its data cache (`unstable_cache`: a site's tenant by slug, its settings) and the pages
 * it has rendered on disk in `.next`, across restarts. They belong to the database they were read
 * from: `next start` on another database (a fresh demo, the bench's throwaway one) would show the
 * old one's tenants (a blog post answered 404 because the site looked under the old tenant id).
 * `forgetNextCachesOfOtherDatabase` drops them when the database is not the one they were made from.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** One row naming this database: its name and when its first migration ran (unique to each database migrated). */
export const DATABASE_IDENTITY_SQL = `SELECT current_database() || ' ' || coalesce(min(created_at)::text, '') AS identity FROM payload_migrations`

/** Drops `.next`'s data cache and rendered pages if they were made from another database than `identity`. */
export const forgetNextCachesOfOtherDatabase = async (identity: string, nextDir = path.resolve('.next')) => {
  // Only a finished build's caches (BUILD_ID is written last): never touch a build in progress.
  if (!existsSync(path.join(nextDir, 'BUILD_ID'))) return
  const marker = path.join(nextDir, 'cache', 'atrium-database')
  const previous = await readFile(marker, 'utf8').catch(() => null)
  if (previous === identity) return
  for (const dir of ['cache/fetch-cache', 'server/route-cache'])
    await rm(path.join(nextDir, dir), { recursive: true, force: true })
  await mkdir(path.dirname(marker), { recursive: true })
  await writeFile(marker, identity)
}
