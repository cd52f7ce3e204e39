import { sql } from '@payloadcms/db-postgres'
import { describe, expect, it } from 'vitest'
import { runSql } from '@/core'
import { createTenant, useTestApp } from '@/core/testing'
import { benchSitemap } from './benchSitemap'
import { MAX_URLS_PER_SITEMAP } from './buildSitemap'
import { seedSitemapRows } from './seedSitemapRows'
import { sitemapCoursesTable } from './sql/sitemapCoursesTable'
import { withSitemap } from './withSitemap'
import { assertWellFormedXml } from './wellFormedXml'

const app = useTestApp({ plugins: [(config) => withSitemap(config)] })

const get = async (path: string) => {
  const response = await fetch(`${app.baseUrl}${path}`)
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])
const urlCount = (xml: string) => xml.match(/<url>/g)?.length ?? 0
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()

/** Everything the tenant's sitemap lists: the index, then each of its files. */
const sitemapOf = async (slug: string) => {
  const index = await get(`/api/website/sitemap?tenant=${slug}`)
  expect(index.status, index.text).toBe(200)
  expect(index.type).toContain('application/xml')
  assertWellFormedXml(index.text)
  const files: string[] = []
  for (let n = 1; n <= locs(index.text).length; n++) {
    const file = await get(`/api/website/sitemap?tenant=${slug}&file=${n}`)
    expect(file.status, file.text).toBe(200)
    assertWellFormedXml(file.text)
    files.push(file.text)
  }
  return { index: index.text, files }
}

/** A tenant with a location, a published and a draft event, a scheduled and a cancelled class, a published course. */
const tenantWithContent = async (options: { domain?: string } = {}) => {
  const tenant = await createTenant(app.payload)
  if (options.domain)
    await app.payload.update({
      collection: 'tenants',
      id: tenant.id,
      data: { domains: [{ hostname: options.domain }] },
    })
  const location = await app.payload.create({
    collection: 'locations',
    data: { tenant: tenant.id, name: 'Main room', slug: 'main', timezone: 'America/New_York' },
  })
  const event = (status: 'published' | 'draft') =>
    app.payload.create({
      collection: 'events',
      data: {
        tenant: tenant.id,
        title: `Open day ${status}`,
        kind: 'one_time_event',
        startTime: inHours(48),
        endTime: inHours(50),
        status,
      },
    })
  const klass = (status: 'scheduled' | 'cancelled') =>
    app.payload.create({
      collection: 'classes',
      data: {
        tenant: tenant.id,
        location: location.id,
        title: `Flow ${status}`,
        startTime: inHours(24),
        durationMinutes: 60,
        capacity: 5,
        waitlistCapacity: 0,
        status,
        kind: 'class',
      },
    })
  const course = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant: tenant.id, title: 'Basics', slug: `basics-${tenant.slug}` },
  })
  // Publishing through Payload needs lessons (lms's guard); the sitemap only reads the status.
  const c = sitemapCoursesTable(app.payload)
  await runSql(
    { payload: app.payload },
    sql`UPDATE ${c} SET ${c.status} = ${'published'}::${c.$enum.status} WHERE ${c.id} = ${course.id}`,
  )
  const draftCourse = await app.payload.create({
    collection: 'courses',
    draft: true,
    data: { tenant: tenant.id, title: 'Draft', slug: `draft-${tenant.slug}` },
  })
  return {
    tenant,
    published: await event('published'),
    draft: await event('draft'),
    scheduled: await klass('scheduled'),
    cancelled: await klass('cancelled'),
    course,
    draftCourse,
  }
}

describe('website: per-tenant sitemaps and robots.txt', () => {
  it('lists the tenant’s public URLs on its canonical origin, with lastmod, and no URL of another tenant', async () => {
    const a = await tenantWithContent({ domain: `studio-${Date.now()}.example.com` })
    const b = await tenantWithContent()
    const aDomain = (await app.payload.findByID({ collection: 'tenants', id: a.tenant.id })).domains![0].hostname
    const { index, files } = await sitemapOf(a.tenant.slug)
    const origin = `${new URL(app.payload.config.serverURL || process.env.SERVER_URL || 'http://localhost:3000').protocol}//${aDomain}`
    expect(locs(index)).toEqual([`${origin}/sitemaps/1.xml`])
    const urls = locs(files[0])
    expect(urls).toEqual(
      expect.arrayContaining([
        origin,
        `${origin}/schedule`,
        `${origin}/events`,
        `${origin}/pricing`,
        `${origin}/courses`,
        `${origin}/events/${a.published.id}`,
        `${origin}/classes/${a.scheduled.id}`,
        `${origin}/courses/${a.course.slug}`,
      ]),
    )
    // Not public: drafts, cancelled classes; not A's: anything of B.
    for (const hidden of [a.draft.id, a.cancelled.id, a.draftCourse.slug]) expect(files[0]).not.toContain(hidden)
    for (const other of [b.tenant.slug, b.published.id, b.scheduled.id, b.course.slug])
      expect(files[0]).not.toContain(other)
    expect(urls.every((url) => url === origin || url.startsWith(`${origin}/`))).toBe(true)
    // Every <url> has a lastmod, the event's from its updatedAt.
    expect(urlCount(files[0])).toBe(urls.length)
    expect(files[0].match(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/g)).toHaveLength(urls.length)
    expect(files[0]).toContain(
      `<loc>${origin}/events/${a.published.id}</loc><lastmod>${a.published.updatedAt.slice(0, 19)}Z</lastmod>`,
    )

    // B's own sitemap: path form under SERVER_URL, none of A.
    const bSite = await sitemapOf(b.tenant.slug)
    const bUrls = bSite.files.flatMap(locs)
    expect(bUrls.some((url) => url.endsWith(`/${b.tenant.slug}/events/${b.published.id}`))).toBe(true)
    for (const other of [aDomain, a.published.id, a.scheduled.id, a.course.slug])
      expect(bSite.files.join('')).not.toContain(other)

    // robots.txt names the canonical sitemap; the path form disallows under the slug.
    const robots = await get(`/api/website/robots?tenant=${a.tenant.slug}`)
    expect(robots.status).toBe(200)
    expect(robots.type).toContain('text/plain')
    expect(robots.text).toContain(`Sitemap: ${origin}/sitemap.xml`)
    expect(robots.text).toContain('Disallow: /account')
    const bRobots = await get(`/api/website/robots?tenant=${b.tenant.slug}&prefix=/${b.tenant.slug}`)
    expect(bRobots.text).toContain(`Disallow: /${b.tenant.slug}/account`)
    expect(bRobots.text).toMatch(new RegExp(`Sitemap: \\S+/${b.tenant.slug}/sitemap\\.xml`))
  })

  it('closed or unknown tenants and files beyond the index answer 404', async () => {
    const closed = await createTenant(app.payload, { status: 'suspended' })
    expect((await get(`/api/website/sitemap?tenant=${closed.slug}`)).status).toBe(404)
    expect((await get(`/api/website/robots?tenant=${closed.slug}`)).status).toBe(404)
    expect((await get('/api/website/sitemap?tenant=no-such-tenant')).status).toBe(404)
    const open = await createTenant(app.payload)
    expect((await get(`/api/website/sitemap?tenant=${open.slug}&file=2`)).status).toBe(404)
    expect((await get(`/api/website/sitemap?tenant=${open.slug}&file=0`)).status).toBe(404)
    expect((await get(`/api/website/sitemap?tenant=${open.slug}&file=1`)).status).toBe(200)
  })

  it('beyond 50,000 URLs the index splits into files of at most 50,000 <url>, each URL once', async () => {
    const big = await createTenant(app.payload)
    const other = await tenantWithContent()
    const rows = 2 * MAX_URLS_PER_SITEMAP + 7
    expect(await seedSitemapRows(app.payload, String(big.id), rows)).toBe(rows)
    const { index, files } = await sitemapOf(big.slug)
    expect(locs(index)).toHaveLength(3)
    const counts = files.map(urlCount)
    for (const count of counts) expect(count).toBeLessThanOrEqual(MAX_URLS_PER_SITEMAP)
    expect(counts.slice(0, 2)).toEqual([MAX_URLS_PER_SITEMAP, MAX_URLS_PER_SITEMAP])
    const all = files.flatMap(locs)
    expect(new Set(all).size).toBe(all.length)
    expect(all.filter((url) => /\/events\/[0-9a-f-]{36}$/.test(url))).toHaveLength(rows)
    expect(all.length).toBe(counts.reduce((s, c) => s + c, 0))
    for (const file of files) expect(file.match(/<lastmod>/g)?.length).toBe(urlCount(file))
    expect(files.join('')).not.toContain(other.published.id)
  }, 120_000)

  it('the bench hook seeds rows with one statement, builds the whole sitemap and reports its timing', async () => {
    const tenant = await createTenant(app.payload)
    const result = await benchSitemap(app.payload, { tenantSlug: tenant.slug, seedRows: 1_234 })
    expect(result.urls).toBeGreaterThan(1_234)
    expect(result.files).toBe(1)
    expect(result.bytes).toBeGreaterThan(1_234 * 60)
    expect(result.ms).toBeGreaterThan(0)
    expect(result.urlsPerSecond).toBeGreaterThan(0)
  })
})
