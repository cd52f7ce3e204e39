import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'
import { planSitemap, sitemapFileXml, sitemapIndexXml, streamOf } from './buildSitemap'
import { keysetPage } from './keysetPage'
import { robotsTxt } from './robotsTxt'
import type { SitemapContext, SitemapEntry, SitemapProvider } from './types'
import { assertWellFormedXml } from './wellFormedXml'
import { escapeXml, w3cDate } from './xml'

const context = (): SitemapContext => ({
  payload: {} as Payload,
  tenant: { id: 't1', slug: 'sunrise' },
  origin: 'https://sunrise.example.com',
  now: new Date('2026-03-01T00:00:00Z'),
  memo: new Map(),
})

/** A provider over a fixed list, recording the pages asked for. */
const listProvider = (name: string, entries: SitemapEntry[], calls: [number, number][] = []): SitemapProvider => ({
  name,
  count: async () => entries.length,
  page: async (_ctx, offset, limit) => {
    calls.push([offset, limit])
    return entries.slice(offset, offset + limit)
  },
})

const text = async (chunks: AsyncGenerator<string>) => new Response(streamOf(chunks)).text()
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])

describe('sitemap XML', () => {
  it('escapes URLs, writes lastmod in W3C form, and stays well-formed', async () => {
    const ctx = context()
    const provider = listProvider('odd', [
      { path: "/search?q=a&b=<c>&d='e'", lastmod: '2026-02-01T10:00:00.123Z' },
      { path: '/über uns', lastmod: new Date('2026-02-02T00:00:00Z') },
      { path: '/no-date' },
    ])
    const plan = await planSitemap(ctx, [provider])
    const xml = await text(sitemapFileXml(ctx, plan, 1))
    assertWellFormedXml(xml)
    expect(xml).toContain(
      '<url><loc>https://sunrise.example.com/search?q=a&amp;b=%3Cc%3E&amp;d=&apos;e&apos;</loc><lastmod>2026-02-01T10:00:00Z</lastmod></url>',
    )
    expect(xml).toContain(
      '<loc>https://sunrise.example.com/%C3%BCber%20uns</loc><lastmod>2026-02-02T00:00:00Z</lastmod>',
    )
    expect(xml).toContain('<url><loc>https://sunrise.example.com/no-date</loc></url>')
    expect(() => assertWellFormedXml('<urlset><url>a & b</url></urlset>')).toThrow()
    expect(() => assertWellFormedXml('<urlset><url></urlset>')).toThrow()
  })

  it('escapeXml and w3cDate', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;')
    expect(w3cDate('nope')).toBeNull()
    expect(w3cDate(null)).toBeNull()
  })

  it('splits the providers’ rows laid end to end into files of at most perFile URLs, in pages', async () => {
    const ctx = context()
    const calls: [number, number][] = []
    const a = listProvider('a', [{ path: '' }, { path: '/schedule' }])
    const b = listProvider(
      'b',
      Array.from({ length: 9 }, (_, i) => ({ path: `/events/${i}` })),
      calls,
    )
    const empty = listProvider('empty', [])
    const plan = await planSitemap(ctx, [a, empty, b], 4)
    expect(plan).toMatchObject({ total: 11, files: 3, perFile: 4 })
    const index = await text(sitemapIndexXml(ctx, plan))
    assertWellFormedXml(index)
    expect(locs(index)).toEqual([1, 2, 3].map((n) => `https://sunrise.example.com/sitemaps/${n}.xml`))
    const files: string[][] = []
    for (const n of [1, 2, 3]) files.push(locs(await text(sitemapFileXml(ctx, plan, n))))
    expect(files.map((f) => f.length)).toEqual([4, 4, 3])
    expect(files.flat()).toEqual([
      'https://sunrise.example.com',
      'https://sunrise.example.com/schedule',
      ...Array.from({ length: 9 }, (_, i) => `https://sunrise.example.com/events/${i}`),
    ])
    // File 1 takes b's rows 0–1, file 2 rows 2–5, file 3 rows 6–8.
    expect(calls).toEqual([
      [0, 2],
      [2, 4],
      [6, 3],
    ])
  })

  it('an empty site still has one (empty) sitemap file', async () => {
    const ctx = context()
    const plan = await planSitemap(ctx, [listProvider('none', [])])
    expect(plan.files).toBe(1)
    const xml = await text(sitemapFileXml(ctx, plan, 1))
    assertWellFormedXml(xml)
    expect(locs(xml)).toEqual([])
  })

  it('keysetPage continues from the last id when a page follows the previous one, else uses OFFSET', async () => {
    const ctx = context()
    const reads: [string | null, number, number][] = []
    const read = async (after: string | null, offset: number, limit: number) => {
      reads.push([after, offset, limit])
      const start = after ? Number(after) + 1 : offset
      return Array.from({ length: limit }, (_, i) => ({ id: String(start + i), entry: { path: `/${start + i}` } }))
    }
    expect((await keysetPage(ctx, 'x', 10, 2, read)).map((e) => e.path)).toEqual(['/10', '/11'])
    expect((await keysetPage(ctx, 'x', 12, 2, read)).map((e) => e.path)).toEqual(['/12', '/13'])
    expect((await keysetPage(ctx, 'x', 0, 1, read)).map((e) => e.path)).toEqual(['/0'])
    expect(reads).toEqual([
      [null, 10, 2],
      ['11', 0, 2],
      [null, 0, 1],
    ])
  })
})

describe('robots.txt', () => {
  it('lists the canonical sitemap, keeps private pages out, on the own host and in the path form', () => {
    const own = robotsTxt({ prefix: '', sitemapUrl: 'https://sunrise.example.com/sitemap.xml' })
    expect(own).toContain('Sitemap: https://sunrise.example.com/sitemap.xml')
    expect(own).toContain('Disallow: /account\n')
    expect(own).toContain('Disallow: /api\n')
    const path = robotsTxt({ prefix: '/sunrise', sitemapUrl: 'http://localhost:3000/sunrise/sitemap.xml' })
    expect(path).toContain('Allow: /sunrise\n')
    expect(path).toContain('Disallow: /sunrise/checkout\n')
    expect(path).toContain('Sitemap: http://localhost:3000/sunrise/sitemap.xml')
  })
})
