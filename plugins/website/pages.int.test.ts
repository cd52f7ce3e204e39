import { beforeAll, describe, expect, it } from 'vitest'
import { twoTenants, useTestApp } from '@/core/testing'
import { isolationGridFor } from '@/core/testing/isolationGrid'
import { sitePagesProvider } from './sitemap/providers/sitePagesProvider'
import { markdownToLexical } from './writer/markdownToLexical'

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string
let B: string

const hero = (heading: string) => ({ blockType: 'hero' as const, heading, ctaTarget: 'schedule' as const })
const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]).pathname)

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
  B = String(cast.b.id)
})

describe('pages (tenant pages built of blocks, drafts and versions)', () => {
  it('managers create pages of every block; the slug is unique per tenant and cannot take a site section', async () => {
    const faq = await app.payload.create({
      collection: 'faqs',
      data: { tenant: A, question: 'Parking?', answer: markdownToLexical('Behind the studio.') },
    })
    const form = await app.payload.create({
      collection: 'forms',
      data: {
        tenant: A,
        title: 'Contact',
        formType: 'contact',
        confirmationType: 'message',
        confirmationMessage: markdownToLexical('Thanks.'),
        fields: [{ blockType: 'email', name: 'email', label: 'Email', required: true }],
      },
    })
    const created = await cast.inA.owner.client.post('/api/pages', {
      tenant: A,
      title: 'About',
      slug: 'about',
      _status: 'published',
      layout: [
        hero('About us'),
        { blockType: 'richText', content: markdownToLexical('We teach yoga since 2001.') },
        { blockType: 'faqList', faqs: [faq.id] },
        { blockType: 'gallery' },
        { blockType: 'scheduleTeaser', days: 7 },
        { blockType: 'contactForm', form: form.id },
      ],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    // Meta filled from the title and the hero's text / first text block.
    expect(created.body.doc.meta.title).toBe('About')
    expect(created.body.doc.meta.description).toContain('We teach yoga since 2001.')

    // Same slug in the same tenant: refused; in another tenant: fine.
    const again = await cast.inA.owner.client.post('/api/pages', {
      tenant: A,
      title: 'About 2',
      slug: 'about',
      layout: [hero('x')],
    })
    expect(again.status).toBeGreaterThanOrEqual(400)
    expect(again.status).toBeLessThan(500)
    const inB = await cast.inB.owner.client.post('/api/pages', {
      tenant: B,
      title: 'About',
      slug: 'about',
      layout: [hero('B')],
    })
    expect(inB.status, JSON.stringify(inB.body)).toBe(201)

    for (const slug of ['schedule', 'blog', 'locations', 'preview']) {
      const reserved = await cast.inA.owner.client.post('/api/pages', {
        tenant: A,
        title: 'Clash',
        slug,
        layout: [hero('x')],
      })
      expect(reserved.status).toBe(400)
      expect(JSON.stringify(reserved.body)).toContain('is a page of the site already')
    }
    const empty = await cast.inA.owner.client.post('/api/pages', {
      tenant: A,
      title: 'Empty',
      slug: 'empty',
      layout: [],
    })
    expect(empty.status).toBe(400)
  })

  it("a block cannot point at another tenant's FAQ or form", async () => {
    const theirs = await app.payload.create({
      collection: 'faqs',
      data: { tenant: B, question: 'Their secret?', answer: markdownToLexical('No.') },
    })
    const res = await cast.inA.owner.client.post('/api/pages', {
      tenant: A,
      title: 'Sneaky',
      slug: 'sneaky',
      layout: [{ blockType: 'faqList', faqs: [theirs.id] }],
    })
    expect(res.status).toBe(400)
  })

  it('staff below manager cannot write; visitors read published pages only, staff read drafts', async () => {
    const denied = await cast.inA.frontDesk.client.post('/api/pages', {
      tenant: A,
      title: 'Desk',
      slug: 'desk',
      layout: [hero('x')],
    })
    expect(denied.status).toBe(403)
    const draft = await cast.inA.owner.client.post('/api/pages?draft=true', {
      tenant: A,
      title: 'Coming soon',
      slug: 'coming-soon',
      _status: 'draft',
      layout: [hero('Soon')],
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const where = `where[tenant][equals]=${A}&where[slug][equals]=coming-soon`
    expect((await cast.anonymous.client.get(`/api/pages?${where}`)).body.docs).toHaveLength(0)
    expect((await cast.inB.owner.client.get(`/api/pages?${where}&draft=true`)).body.docs).toHaveLength(0)
    expect((await cast.inA.instructor.client.get(`/api/pages?${where}&draft=true`)).body.docs).toHaveLength(1)

    // Publishing keeps versions; an unpublished edit of a published page stays a draft for visitors.
    const id = draft.body.doc.id
    expect((await cast.inA.owner.client.patch(`/api/pages/${id}`, { _status: 'published' })).status).toBe(200)
    expect((await cast.inA.owner.client.patch(`/api/pages/${id}?draft=true`, { title: 'Changed draft' })).status).toBe(
      200,
    )
    const visitor = await cast.anonymous.client.get(`/api/pages?${where}`)
    expect(visitor.body.docs.map((d: { title: string }) => d.title)).toEqual(['Coming soon'])
    const versions = await cast.inA.owner.client.get(`/api/pages/versions?where[parent][equals]=${id}`)
    expect(versions.status).toBe(200)
    expect(versions.body.totalDocs).toBeGreaterThanOrEqual(3)
  })
})

describe('locations: opening hours (website) and the sitemap', () => {
  it('opening hours need HH:MM and a closing time after the opening time', async () => {
    const location = await app.payload.create({
      collection: 'locations',
      data: { tenant: A, name: 'Harbour', slug: 'harbour', timezone: 'America/New_York', address: { city: 'Boston' } },
    })
    const bad = await cast.inA.owner.client.patch(`/api/locations/${location.id}`, {
      openingHours: [{ days: ['Monday'], opens: '18:00', closes: '09:00' }],
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('closing time must be after opening time')
    const badTime = await cast.inA.owner.client.patch(`/api/locations/${location.id}`, {
      openingHours: [{ days: ['Monday'], opens: '6am', closes: '09:00' }],
    })
    expect(badTime.status).toBe(400)
    const good = await cast.inA.owner.client.patch(`/api/locations/${location.id}`, {
      openingHours: [{ days: ['Monday', 'Friday'], opens: '06:00', closes: '21:00' }],
    })
    expect(good.status, JSON.stringify(good.body)).toBe(200)
  })

  it("lists the tenant's published pages and active locations, not drafts, inactive locations or another tenant's", async () => {
    await app.payload.create({
      collection: 'locations',
      data: { tenant: A, name: 'Closed annex', slug: 'closed-annex', timezone: 'America/New_York', isActive: false },
    })
    const res = await fetch(`${app.baseUrl}/api/website/sitemap?tenant=${cast.a.slug}&file=1`)
    const xml = await res.text()
    expect(res.status, xml).toBe(200)
    const locs = locsOf(xml)
    expect(locs).toEqual(
      expect.arrayContaining([
        `/${cast.a.slug}/about`,
        `/${cast.a.slug}/coming-soon`,
        `/${cast.a.slug}/locations/harbour`,
      ]),
    )
    expect(locs).not.toContain(`/${cast.a.slug}/sneaky`)
    expect(locs).not.toContain(`/${cast.a.slug}/locations/closed-annex`)
    expect(locs.every((path) => path.startsWith(`/${cast.a.slug}`))).toBe(true)
    // The provider itself: a draft-only page is not counted.
    await app.payload.create({
      collection: 'pages',
      data: { tenant: A, title: 'Hidden', slug: 'hidden', _status: 'draft', layout: [hero('h')] },
      draft: true,
    })
    const ctx = {
      payload: app.payload,
      tenant: { id: A, slug: String(cast.a.slug) },
      origin: 'https://x.test',
      now: new Date(),
      memo: new Map(),
    }
    const entries = await sitePagesProvider.page(ctx, 0, 100)
    expect(entries.map((e) => e.path)).not.toContain('/hidden')
    expect(await sitePagesProvider.count(ctx)).toBe(entries.length)
  })
})

describe('isolation of pages', () => {
  it('leaks nothing of tenant B to visitors or tenant A, through REST, GraphQL and the Local API', async () => {
    const { result } = await isolationGridFor(app, ['pages'])
    expect(new Set(result.map((c) => c.collection))).toEqual(new Set(['pages']))
    expect(result.filter((c) => !c.ok)).toEqual([])
  }, 300_000)
})

describe('live preview', () => {
  it('is configured for pages and blog posts at 390 px, pointing at the site preview route', async () => {
    const { createLocalReq } = await import('payload')
    const { livePreviewUrl } = await import('./collections/shared/livePreview')
    const req = await createLocalReq({}, app.payload)
    const page = await app.payload.create({
      collection: 'pages',
      data: { tenant: A, title: 'Preview me', slug: 'preview-me', layout: [hero('p')] },
    })
    for (const collection of ['pages', 'blog-posts'] as const) {
      const live = app.payload.collections[collection].config.admin.livePreview
      expect(live?.breakpoints?.map((b) => b.width)).toContain(390)
      expect(typeof live?.url).toBe('function')
      expect(await livePreviewUrl(req, collection, { id: page.id, tenant: A })).toMatch(
        new RegExp(`/${cast.a.slug}/preview\\?collection=${collection}&id=${page.id}$`),
      )
      expect(await livePreviewUrl(req, collection, { tenant: A })).toBeNull() // not saved yet
    }
  })
})
