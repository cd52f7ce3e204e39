import type { Payload } from 'payload'
import { planSitemap, sitemapFileXml, sitemapIndexXml, streamOf } from './buildSitemap'
import { defaultSitemapProviders } from './defaultSitemapProviders'
import { seedSitemapRows } from './seedSitemapRows'
import { sitemapContext } from './sitemapContext'
import type { SitemapProvider } from './types'

export type SitemapBenchResult = {
  urls: number
  files: number
  bytes: number
  /** Time to count the providers and stream the index and every file to the end. */
  ms: number
  /** URLs written per second. */
  urlsPerSecond: number
}

const drain = async (stream: ReadableStream<Uint8Array>) => {
  let bytes = 0
  const reader = stream.getReader()
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return bytes
    bytes += value.byteLength
  }
}

/**
 * Bench hook (`npm run bench`): for the tenant with this slug, optionally first inserts
 * `seedRows` events with one SQL statement (use 50,001+ for a split index), then builds its
 * sitemap index and all its files through the same streams the endpoints serve, and returns the
 * timing. Reports, never asserts.
 */
export const benchSitemap = async (
  payload: Payload,
  {
    tenantSlug,
    seedRows = 0,
    providers = defaultSitemapProviders,
  }: {
    tenantSlug: string
    seedRows?: number
    providers?: readonly SitemapProvider[]
  },
): Promise<SitemapBenchResult> => {
  const first = await sitemapContext(payload, tenantSlug)
  if (!first) throw new Error(`benchSitemap: no open tenant "${tenantSlug}"`)
  if (seedRows > 0) await seedSitemapRows(payload, first.tenant.id, seedRows)
  const started = performance.now()
  const ctx = (await sitemapContext(payload, tenantSlug))!
  const plan = await planSitemap(ctx, providers)
  let bytes = await drain(streamOf(sitemapIndexXml(ctx, plan)))
  for (let n = 1; n <= plan.files; n++) bytes += await drain(streamOf(sitemapFileXml(ctx, plan, n)))
  const ms = performance.now() - started
  return { urls: plan.total, files: plan.files, bytes, ms, urlsPerSecond: Math.round(plan.total / (ms / 1000)) }
}
