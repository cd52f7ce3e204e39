/**
 * The website part of `npm run bench` (issue 16): published blog posts on a bench tenant (made
 * through Payload, so they are what the site reads: Lexical body, meta, fingerprint), and a
 * separate open tenant with `sitemapUrls` upcoming events (one SQL statement) for the time to
 * generate a sitemap index beyond 50,000 URLs; then the publish-time near-duplicate check against
 * `BENCH_DUPLICATE_POSTS` other tenants' posts (the LSH index), per check.
 */
import type { Payload } from 'payload'
import {
  benchDuplicateCheck,
  type DuplicateCheckBenchResult,
} from '../../plugins/website/operations/benchDuplicateCheck'
import { benchSitemap, type SitemapBenchResult } from '../../plugins/website/sitemap/benchSitemap'
import { markdownToLexical } from '../../plugins/website/writer/markdownToLexical'

const WORDS =
  'mobility breath balance strength tempo recovery posture core stretch endurance rhythm focus grip stance pace warmup cooldown flow drill form'.split(
    ' ',
  )

/** Distinct text (the near-duplicate check compares fingerprints): `n` picks the words. */
const textOf = (n: number, words: number) =>
  Array.from(
    { length: words },
    (_, i) => WORDS[(n * 7 + i * ((n % 5) + 1)) % WORDS.length] + (i % 9 === 8 ? '.' : ''),
  ).join(' ')

/**
 * `count` published posts on the tenant, each first published a week before the previous (the
 * weekly cap counts this week only), with an author; returns their slugs, newest first.
 */
export const seedBlogPosts = async (payload: Payload, tenantId: string, count: number): Promise<string[]> => {
  const author = await payload.find({
    collection: 'tenant-memberships',
    where: { tenant: { equals: tenantId } },
    limit: 1,
    depth: 0,
  })
  const slugs: string[] = []
  for (let n = 0; n < count; n++) {
    const slug = `bench-post-${n}`
    const paragraphs = Array.from({ length: 6 }, (_, p) => textOf(n * 6 + p, 60)).join('\n\n')
    await payload.create({
      collection: 'blog-posts',
      data: {
        tenant: tenantId,
        title: `Bench post ${n}: ${textOf(n, 5)}`,
        slug,
        excerpt: textOf(n + 1000, 24),
        body: markdownToLexical(`## Why ${textOf(n, 3)}\n\n${paragraphs}\n\nSee [the schedule](/schedule).`),
        author: author.docs[0]?.id,
        publishedAt: new Date(Date.now() - (n + 1) * 7 * 86_400_000).toISOString(),
        _status: 'published',
      },
    })
    slugs.push(slug)
  }
  return slugs
}

/** An open tenant `slug` with `urls` upcoming published events; then the sitemap index and all its files generated once, timed. */
export const sitemapAtScale = async (payload: Payload, slug: string, urls: number): Promise<SitemapBenchResult> => {
  await payload.create({
    collection: 'tenants',
    data: { name: 'Bench sitemap', slug, timezone: 'UTC', currency: 'USD', status: 'active' },
  })
  return benchSitemap(payload, { tenantSlug: slug, seedRows: urls })
}

/**
 * `posts` published posts of other tenants (random fingerprints, one SQL statement), then the time
 * of one publish-time near-duplicate check for `tenantId` through the index, the former full scan
 * once, and whether a planted near copy is still caught.
 */
export const duplicateCheckAtScale = (
  payload: Payload,
  tenantId: string,
  posts: number,
): Promise<DuplicateCheckBenchResult> => benchDuplicateCheck(payload, { tenantId, posts })
