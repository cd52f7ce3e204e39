import type { SitemapContext, SitemapProvider } from './types'
import { absoluteUrl, escapeXml, SITEMAP_NS, w3cDate, XML_HEAD } from './xml'

/** The sitemap protocol's limit of URLs per sitemap file. */
export const MAX_URLS_PER_SITEMAP = 50_000
/** Rows read (and written to the stream) at a time. */
export const SITEMAP_PAGE_SIZE = 2_000

export type SitemapPlan = {
  counts: { provider: SitemapProvider; count: number }[]
  total: number
  /** Number of sitemap files (at least 1). */
  files: number
  perFile: number
}

/** How many URLs each provider has, and how many files they fill. */
export const planSitemap = async (
  ctx: SitemapContext,
  providers: readonly SitemapProvider[],
  perFile = MAX_URLS_PER_SITEMAP,
): Promise<SitemapPlan> => {
  const counts: SitemapPlan['counts'] = []
  for (const provider of providers) counts.push({ provider, count: Math.max(0, await provider.count(ctx)) })
  const total = counts.reduce((sum, c) => sum + c.count, 0)
  return { counts, total, files: Math.max(1, Math.ceil(total / perFile)), perFile }
}

/** The URL of sitemap file `n` (1-based) of the tenant. */
export const sitemapFileUrl = (origin: string, n: number) => `${origin}/sitemaps/${n}.xml`

/** The sitemap index, in chunks: one `<sitemap>` per file of the plan. */
export async function* sitemapIndexXml(ctx: SitemapContext, plan: SitemapPlan): AsyncGenerator<string> {
  yield `${XML_HEAD}<sitemapindex xmlns="${SITEMAP_NS}">\n`
  for (let n = 1; n <= plan.files; n++)
    yield `<sitemap><loc>${escapeXml(sitemapFileUrl(ctx.origin, n))}</loc></sitemap>\n`
  yield '</sitemapindex>\n'
}

/**
 * Sitemap file `n` (1-based) of the plan, in chunks of up to `SITEMAP_PAGE_SIZE` `<url>`s: the
 * providers' rows laid end to end, URLs `(n-1)·perFile` to `n·perFile - 1` of them. Never more
 * than `perFile` URLs, even when rows were added since the plan was counted.
 */
export async function* sitemapFileXml(ctx: SitemapContext, plan: SitemapPlan, n: number): AsyncGenerator<string> {
  yield `${XML_HEAD}<urlset xmlns="${SITEMAP_NS}">\n`
  const start = (n - 1) * plan.perFile
  const end = Math.min(start + plan.perFile, plan.total)
  let before = 0 // URLs of the providers before the current one
  for (const { provider, count } of plan.counts) {
    const from = Math.max(start, before) - before
    const to = Math.min(end, before + count) - before
    before += count
    for (let offset = from; offset < to; ) {
      const rows = await provider.page(ctx, offset, Math.min(SITEMAP_PAGE_SIZE, to - offset))
      if (rows.length === 0) break
      let chunk = ''
      for (const row of rows.slice(0, to - offset)) {
        const lastmod = w3cDate(row.lastmod)
        chunk += `<url><loc>${escapeXml(absoluteUrl(ctx.origin, row.path))}</loc>${
          lastmod ? `<lastmod>${lastmod}</lastmod>` : ''
        }</url>\n`
      }
      offset += rows.length
      yield chunk
    }
  }
  yield '</urlset>\n'
}

/** A stream of UTF-8 text read from `chunks` as the consumer pulls (back-pressure: one chunk ahead). */
export const streamOf = (chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next()
        if (done) controller.close()
        else controller.enqueue(encoder.encode(value))
      } catch (error) {
        controller.error(error)
      }
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}
