import { renderToStaticMarkup } from 'react-dom/server'
import { Children, createElement, Fragment, isValidElement, type ReactNode } from 'react'
import { NextRequest } from 'next/server'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { twoTenants, useTestApp } from '@/core/testing'
import { lexicalParagraphs } from '@/core/text/lexicalParagraphs'
import { seedWebsitePagesDemo } from '../../../seed/websitePagesDemo'
import { DEMO_TENANTS } from '../../../seed/demoTenants'

/**
 * The website's tenant pages (`/<slug>/<page slug>`), location pages and the staff preview, rendered
 * as the site renders them (layout around the page, React server rendering) against the real app.
 * Next's cache is kept in memory as `next start` keeps it (pages with the tags of the cached calls
 * they made, dropped by `revalidateTag`); Next's request APIs are those of the request at hand.
 */
const next = vi.hoisted(() => {
  type Entry = { value: unknown; tags: Set<string> }
  const data = new Map<string, Entry>()
  const pages = new Map<string, Entry>()
  let rendering: Set<string> | null = null
  const request = { draft: false, headers: new Headers() }
  return {
    data,
    pages,
    request,
    unstable_cache:
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>, keyParts: string[], options: { tags?: string[] } = {}) =>
      async (...args: A): Promise<R> => {
        const key = JSON.stringify([fn.toString(), keyParts, args])
        for (const tag of options.tags ?? []) rendering?.add(tag)
        const hit = data.get(key)
        if (hit) return structuredClone(hit.value) as R
        const value = await fn(...args)
        data.set(key, { value: structuredClone(value), tags: new Set(options.tags) })
        return value
      },
    revalidateTag: (tag: string) => {
      for (const store of [data, pages]) for (const [key, entry] of store) if (entry.tags.has(tag)) store.delete(key)
    },
    page: async (path: string, render: () => Promise<string>, cached = true): Promise<string> => {
      const hit = cached ? pages.get(path) : undefined
      if (hit) return hit.value as string
      rendering = new Set()
      try {
        const html = await render()
        if (cached) pages.set(path, { value: html, tags: rendering })
        return html
      } finally {
        rendering = null
      }
    },
  }
})
vi.mock('next/cache', () => ({ unstable_cache: next.unstable_cache, revalidateTag: next.revalidateTag }))
vi.mock('next/headers', () => ({
  draftMode: async () => ({
    get isEnabled() {
      return next.request.draft
    },
    enable: () => void (next.request.draft = true),
    disable: () => void (next.request.draft = false),
  }),
  headers: async () => next.request.headers,
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}))

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string
let slug: string

const site = async () => ({
  layout: (await import('./[tenant]/layout')).default,
  sitePage: (await import('./[tenant]/[page]/page')).default,
  pageMeta: (await import('./[tenant]/[page]/page')).generateMetadata,
  locationPage: (await import('./[tenant]/locations/[slug]/page')).default,
  locationMeta: (await import('./[tenant]/locations/[slug]/page')).generateMetadata,
  blogPost: (await import('./[tenant]/blog/[slug]/page')).default,
  preview: (await import('./[tenant]/preview/route')).GET,
})

type Render = (props: { params: Promise<{ tenant: string; page: string; slug: string }> }) => Promise<ReactNode>

/** `/<slug>/<path>` with the layout around it; cached like a page of `next start` unless in draft mode. */
const get = async (page: Render, path: string, key: string, tenant = slug) =>
  next.page(
    `/${tenant}/${path}`,
    async () => {
      const { layout } = await site()
      const params = Promise.resolve({ tenant, page: key, slug: key })
      return renderToStaticMarkup(await layout({ params, children: await page({ params }) }))
    },
    !next.request.draft,
  )

const isNotFound = (error: unknown) =>
  Boolean(error && typeof error === 'object' && 'digest' in error && String(error.digest).includes('404'))

const jsonLdOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) =>
    ([] as Record<string, unknown>[]).concat(JSON.parse(m[1])),
  )

/**
 * The JSON-LD of the tenant's home page: the page as it renders, without its (async) home page body,
 * which the static renderer cannot render — the `<script>` the page puts before it.
 */
const homeJsonLd = async () => {
  const [{ default: home }, { HomePage }] = await Promise.all([
    import('./[tenant]/page'),
    import('./[tenant]/_lib/HomePage'),
  ])
  const tree = await home({ params: Promise.resolve({ tenant: slug }) })
  if (!isValidElement<{ children?: ReactNode }>(tree)) throw new Error('the home page renders an element')
  const scripts = Children.toArray(tree.props.children).filter(
    (child) => !(isValidElement(child) && child.type === HomePage),
  )
  return jsonLdOf(renderToStaticMarkup(createElement(Fragment, null, scripts)))
}

const tokenOf = async (userId: string) => {
  const user = await app.payload.findByID({ collection: 'users', id: userId, depth: 0 })
  const res = await app.http().post('/api/users/login', { email: user.email, password: 'correct-horse-battery-staple' })
  return String(res.body.token)
}

let pageId: string

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
  slug = String(cast.a.slug)
  const faq = await app.payload.create({
    collection: 'faqs',
    data: { tenant: A, question: 'Is there parking?', answer: lexicalParagraphs('Yes, behind the studio.') },
  })
  await app.payload.create({
    collection: 'gallery-items',
    data: { tenant: A, title: 'The big room', sortOrder: 1 },
  })
  const form = await app.payload.create({
    collection: 'forms',
    data: {
      tenant: A,
      title: 'Write to us',
      formType: 'contact',
      confirmationType: 'message',
      confirmationMessage: lexicalParagraphs('Thanks!'),
      fields: [
        { blockType: 'text', name: 'name', label: 'Your name', required: true },
        { blockType: 'email', name: 'email', label: 'Email', required: true },
      ],
    },
  })
  const created = await cast.inA.owner.client.post('/api/pages', {
    tenant: A,
    title: 'About',
    slug: 'about',
    _status: 'published',
    layout: [
      {
        blockType: 'hero',
        heading: 'About the studio',
        text: 'Since 2001.',
        ctaTarget: 'pricing',
        ctaLabel: 'See prices',
      },
      { blockType: 'richText', content: lexicalParagraphs('We teach every level.') },
      { blockType: 'faqList', heading: 'Questions' },
      { blockType: 'gallery', heading: 'Pictures' },
      { blockType: 'contactForm', form: form.id },
    ],
  })
  expect(created.status, JSON.stringify(created.body)).toBe(201)
  pageId = created.body.doc.id
  expect(faq.id).toBeTruthy()
})

describe('tenant pages on the site', () => {
  it('renders the published blocks with FAQPage JSON-LD, a canonical URL and a nav link', async () => {
    const { sitePage, pageMeta } = await site()
    const html = await get(sitePage, 'about', 'about')
    expect(html).toContain('<h1 id="block-0">About the studio</h1>')
    expect(html).toContain(`href="/${slug}/pricing"`) // the hero's call to action
    expect(html).toContain('See prices')
    expect(html).toContain('We teach')
    expect(html).toContain('Is there parking?')
    expect(html).toContain('The big room')
    // The contact form: labelled fields and the honeypot.
    expect(html).toMatch(/<label for="[^"]+-name">Your name \(required\)<\/label>/)
    expect(html).toContain('name="website_url"')
    // The nav links to the published page.
    expect(html).toMatch(new RegExp(`<a href="/${slug}/about">About</a>`))
    const faqPage = jsonLdOf(html).find((node) => node['@type'] === 'FAQPage')
    expect(faqPage).toMatchObject({
      mainEntity: [{ name: 'Is there parking?', acceptedAnswer: { text: 'Yes, behind the studio.' } }],
    })
    const meta = await pageMeta({ params: Promise.resolve({ tenant: slug, page: 'about' }) })
    expect(meta.alternates?.canonical).toMatch(new RegExp(`/${slug}/about$`))
    expect(meta.description).toContain('Since 2001.')
  })

  it('is cached, and publishing an edit shows at once; an unpublished draft does not', async () => {
    const { sitePage } = await site()
    const before = await get(sitePage, 'about', 'about')
    expect(await get(sitePage, 'about', 'about')).toBe(before) // from the cache
    const drafted = await cast.inA.owner.client.patch(`/api/pages/${pageId}?draft=true`, {
      title: 'About (draft)',
      layout: [{ blockType: 'hero', heading: 'Draft heading', ctaTarget: 'schedule' }],
    })
    expect(drafted.status).toBe(200)
    expect(await get(sitePage, 'about', 'about')).not.toContain('Draft heading')
    const published = await cast.inA.owner.client.patch(`/api/pages/${pageId}`, {
      _status: 'published',
      layout: [{ blockType: 'hero', heading: 'Published heading', ctaTarget: 'schedule' }],
    })
    expect(published.status).toBe(200)
    const after = await get(sitePage, 'about', 'about')
    expect(after).toContain('Published heading')
    expect(after).not.toContain('FAQPage') // no FAQ block any more: no FAQPage markup
  })

  it('answers 404 for a draft-only page, an unknown slug and another tenant’s page', async () => {
    const { sitePage } = await site()
    await cast.inA.owner.client.post('/api/pages?draft=true', {
      tenant: A,
      title: 'Secret',
      slug: 'secret',
      _status: 'draft',
      layout: [{ blockType: 'hero', heading: 'Secret plans', ctaTarget: 'schedule' }],
    })
    await expect(get(sitePage, 'secret', 'secret')).rejects.toSatisfy(isNotFound)
    await expect(get(sitePage, 'nope', 'nope')).rejects.toSatisfy(isNotFound)
    await expect(get(sitePage, 'about', 'about', String(cast.b.slug))).rejects.toSatisfy(isNotFound)
  })
})

describe('blog lists in the path (cached per view)', () => {
  const routes = async () => ({
    first: await import('./[tenant]/blog/page'),
    paged: await import('./[tenant]/blog/page/[n]/page'),
    topic: await import('./[tenant]/blog/topic/[topic]/page'),
    topicPaged: await import('./[tenant]/blog/topic/[topic]/page/[n]/page'),
  })
  /** `/<slug>/<path>` of a list route with these params, the layout around it, through the page cache. */
  const list = <P extends { tenant: string }>(
    page: (props: { params: Promise<P> }) => Promise<ReactNode>,
    path: string,
    params: P,
  ) =>
    next.page(`/${slug}/${path}`, async () => {
      const { layout } = await site()
      const children = await page({ params: Promise.resolve(params) })
      return renderToStaticMarkup(await layout({ params: Promise.resolve({ tenant: slug }), children }))
    })
  const postsOf = (html: string) => [...html.matchAll(/data-post="([^"]+)"/g)].map((m) => m[1])
  let topic: string
  let other: string

  /** A published post of A, first published `weeksAgo` weeks ago (the weekly cap counts this week only). */
  const publish = async (n: number, weeksAgo: number, postTopic?: string) => {
    const res = await cast.inA.owner.client.post('/api/blog-posts', {
      tenant: A,
      title: `Listed post ${n}`,
      slug: `listed-${n}`,
      body: lexicalParagraphs(`Post number ${n} of the list: ${'word '.repeat(n % 7)} ${n * 31} ${n * 57}.`),
      publishedAt: new Date(Date.now() - weeksAgo * 7 * 86_400_000).toISOString(),
      topic: postTopic,
      _status: 'published',
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }

  beforeAll(async () => {
    topic = String(
      (await app.payload.create({ collection: 'seo-topics', data: { name: `Listed topic ${Date.now()}` } })).id,
    )
    other = String(
      (await app.payload.create({ collection: 'seo-topics', data: { name: `Other topic ${Date.now()}` } })).id,
    )
    for (let n = 1; n <= 11; n++) await publish(n, 20 - n, n >= 10 ? topic : n === 9 ? other : undefined)
  }, 120_000)

  it('pages in the path with rel prev/next and canonical URLs; 404 past the last page and for /page/1', async () => {
    const { first, paged } = await routes()
    const one = await list(first.default, 'blog', { tenant: slug })
    expect(postsOf(one)).toHaveLength(10)
    expect(postsOf(one)[0]).toBe('listed-11') // newest first
    expect(one).toContain(`rel="next" href="/${slug}/blog/page/2"`)
    expect(one).not.toContain('rel="prev"')
    const two = await list(paged.default, 'blog/page/2', { tenant: slug, n: '2' })
    expect(postsOf(two)).toEqual(['listed-1'])
    expect(two).toContain(`rel="prev" href="/${slug}/blog"`)
    expect(two).not.toContain('?page=')
    const meta = await paged.generateMetadata({ params: Promise.resolve({ tenant: slug, n: '2' }) })
    expect(String(meta.alternates?.canonical)).toMatch(new RegExp(`/blog/page/2$`))
    for (const n of ['3', '1', 'x'])
      await expect(list(paged.default, `blog/page/${n}`, { tenant: slug, n })).rejects.toSatisfy(isNotFound)
  })

  it('a topic’s list lives at /blog/topic/<id>; an unknown topic is not found', async () => {
    const { topic: topicRoute, topicPaged } = await routes()
    const html = await list(topicRoute.default, `blog/topic/${topic}`, { tenant: slug, topic })
    expect(postsOf(html)).toEqual(['listed-11', 'listed-10'])
    expect(html).toContain('Posts about Listed topic')
    expect(html).toContain(`action="/${slug}/blog"`) // the filter form, redirected to the path by the proxy
    const unknown = '00000000-0000-4000-8000-000000000000'
    await expect(list(topicRoute.default, `blog/topic/${unknown}`, { tenant: slug, topic: unknown })).rejects.toSatisfy(
      isNotFound,
    )
    await expect(
      list(topicPaged.default, `blog/topic/${topic}/page/2`, { tenant: slug, topic, n: '2' }),
    ).rejects.toSatisfy(isNotFound)
  })

  it('is served from the cache until a post is published, then every list shows it', async () => {
    const { first, paged } = await routes()
    const before = await list(paged.default, 'blog/page/2', { tenant: slug, n: '2' })
    expect(await list(paged.default, 'blog/page/2', { tenant: slug, n: '2' })).toBe(before)
    await publish(12, 0)
    expect(postsOf(await list(first.default, 'blog', { tenant: slug }))[0]).toBe('listed-12')
    expect(postsOf(await list(paged.default, 'blog/page/2', { tenant: slug, n: '2' }))).toEqual([
      'listed-2',
      'listed-1',
    ])
  })
})

describe('live preview (the site preview route and draft mode)', () => {
  const previewOf = async (collection: string, id: string, token?: string) => {
    const { preview } = await site()
    const request = new NextRequest(
      `http://localhost/${slug}/preview?${new URLSearchParams({ collection, id })}`,
      token ? { headers: { authorization: `JWT ${token}` } } : {},
    )
    return preview(request, { params: Promise.resolve({ tenant: slug }) })
  }

  it('refuses without a staff session of the tenant and for another tenant’s document', async () => {
    next.request.draft = false
    const secret = (
      await app.payload.find({ collection: 'pages', where: { slug: { equals: 'secret' } }, draft: true, limit: 1 })
    ).docs[0]
    expect((await previewOf('pages', secret.id)).status).toBe(401)
    expect((await previewOf('pages', secret.id, await tokenOf(cast.inA.member.userId!))).status).toBe(403)
    expect((await previewOf('pages', secret.id, await tokenOf(cast.inB.owner.userId!))).status).toBe(403)
    expect((await previewOf('nonsense', secret.id, await tokenOf(cast.inA.owner.userId!))).status).toBe(400)
    const theirs = await app.payload.create({
      collection: 'pages',
      data: {
        tenant: String(cast.b.id),
        title: 'B page',
        slug: 'b-page',
        layout: [{ blockType: 'hero', heading: 'B', ctaTarget: 'schedule' }],
      },
    })
    expect((await previewOf('pages', theirs.id, await tokenOf(cast.inA.owner.userId!))).status).toBe(404)
    expect(next.request.draft).toBe(false)
  })

  it('turns on draft mode for staff and the site then renders the draft, only for them', async () => {
    const { sitePage, blogPost } = await site()
    const secret = (
      await app.payload.find({ collection: 'pages', where: { slug: { equals: 'secret' } }, draft: true, limit: 1 })
    ).docs[0]
    const token = await tokenOf(cast.inA.instructor.userId!)
    const res = await previewOf('pages', secret.id, token)
    expect(res.status).toBe(307)
    expect(new URL(res.headers.get('location')!).pathname).toBe(`/${slug}/secret`)
    expect(next.request.draft).toBe(true)

    next.request.headers = new Headers({ authorization: `JWT ${token}` })
    const html = await get(sitePage, 'secret', 'secret')
    expect(html).toContain('Secret plans')
    expect(html).toContain('an unpublished draft')
    // The latest draft of a published page, too.
    await cast.inA.owner.client.patch(`/api/pages/${pageId}?draft=true`, {
      layout: [{ blockType: 'hero', heading: 'Next week’s heading', ctaTarget: 'schedule' }],
    })
    expect(await get(sitePage, 'about', 'about')).toContain('Next week’s heading')

    // A blog post draft through the same route.
    const post = await app.payload.create({
      collection: 'blog-posts',
      data: {
        tenant: A,
        title: 'Unpublished thoughts',
        slug: 'unpublished-thoughts',
        body: lexicalParagraphs('Soon.'),
      },
      draft: true,
    })
    const postPreview = await previewOf('blog-posts', post.id, token)
    expect(new URL(postPreview.headers.get('location')!).pathname).toBe(`/${slug}/blog/unpublished-thoughts`)
    expect(await get(blogPost, 'blog/unpublished-thoughts', 'unpublished-thoughts')).toContain('Unpublished thoughts')

    // Draft mode without a staff session of this tenant (signed out, another tenant's staff): no draft.
    for (const headers of [
      new Headers(),
      new Headers({ authorization: `JWT ${await tokenOf(cast.inB.owner.userId!)}` }),
    ]) {
      next.request.headers = headers
      await expect(get(sitePage, 'secret', 'secret')).rejects.toSatisfy(isNotFound)
      expect(await get(sitePage, 'about', 'about')).not.toContain('Next week’s heading')
    }
    next.request.draft = false
    next.request.headers = new Headers()
  })
})

describe('location pages', () => {
  it('shows a real location with address, opening hours, its next classes and LocalBusiness JSON-LD', async () => {
    const { locationPage, locationMeta } = await site()
    const location = await app.payload.create({
      collection: 'locations',
      data: {
        tenant: A,
        name: 'Harbour Studio',
        slug: 'harbour',
        timezone: 'America/New_York',
        address: { line1: '1 Dock St', city: 'Boston', region: 'MA', postalCode: '02110', country: 'US' },
        openingHours: [{ days: ['Monday', 'Tuesday'], opens: '06:00', closes: '21:00' }],
      },
    })
    const other = await app.payload.create({
      collection: 'locations',
      data: {
        tenant: A,
        name: 'Hill Studio',
        slug: 'hill',
        timezone: 'America/New_York',
        address: { line1: '9 Hill Rd', city: 'Boston', country: 'US' },
      },
    })
    const startTime = new Date(Date.now() + 30 * 3_600_000).toISOString()
    for (const [title, where] of [
      ['Harbour Flow', location.id],
      ['Hill Flow', other.id],
    ] as const)
      await app.payload.create({
        collection: 'classes',
        data: {
          tenant: A,
          title,
          location: where,
          startTime,
          durationMinutes: 60,
          capacity: 10,
          waitlistCapacity: 0,
          status: 'scheduled',
          kind: 'class',
        },
      })
    const html = await get(locationPage, 'locations/harbour', 'harbour')
    expect(html).toContain('<h1 id="location-title">Harbour Studio</h1>')
    expect(html).toContain('1 Dock St')
    expect(html).toContain('Monday, Tuesday')
    expect(html).toContain('06:00–21:00')
    expect(html).toContain('Harbour Flow')
    expect(html).not.toContain('Hill Flow')
    const business = jsonLdOf(html).find((node) => node.name && String(node.name).includes('Harbour Studio'))
    expect(business).toMatchObject({
      address: { streetAddress: '1 Dock St', addressLocality: 'Boston' },
      openingHoursSpecification: [{ dayOfWeek: ['Monday', 'Tuesday'], opens: '06:00', closes: '21:00' }],
    })
    expect(['ExerciseGym', 'HealthClub', 'SportsActivityLocation']).toContain(business?.['@type'])
    expect(String(business?.url)).toMatch(new RegExp(`/${slug}/locations/harbour$`))
    const meta = await locationMeta({ params: Promise.resolve({ tenant: slug, slug: 'harbour' }) })
    expect(meta.alternates?.canonical).toMatch(new RegExp(`/${slug}/locations/harbour$`))
    // Linked from the home page's location cards.
    const { HomePage } = await import('./[tenant]/_lib/HomePage')
    expect(renderToStaticMarkup(await HomePage({ tenant: slug }))).toContain(`href="/${slug}/locations/harbour"`)

    // The home page's JSON-LD has the same node through the same builder: hours included, url the site's.
    const nodes = await homeJsonLd()
    const harbour = nodes.find((node) => node['@id'] === business?.['@id'])
    expect(harbour).toEqual({ ...business, url: String(business?.url).replace(/\/locations\/harbour$/, '') })
    expect(harbour?.openingHoursSpecification).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday'], opens: '06:00', closes: '21:00' },
    ])
    // A location without hours has none (and still its address).
    const hill = nodes.find((node) => String(node['@id']).endsWith(`#location-${other.id}`))
    expect(hill).toMatchObject({ address: { streetAddress: '9 Hill Rd' } })
    expect(hill).not.toHaveProperty('openingHoursSpecification')

    // Hours edited on the location show on the (cached) home page at once.
    await app.payload.update({
      collection: 'locations',
      id: other.id,
      data: { openingHours: [{ days: ['Saturday', 'Sunday'], opens: '08:00', closes: '14:00' }] },
    })
    const again = (await homeJsonLd()).find((node) => node['@id'] === hill?.['@id'])
    expect(again?.openingHoursSpecification).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Saturday', 'Sunday'], opens: '08:00', closes: '14:00' },
    ])
  })

  it('answers 404 for an unknown, inactive or another tenant’s location (no doorway pages)', async () => {
    const { locationPage } = await site()
    await app.payload.create({
      collection: 'locations',
      data: { tenant: A, name: 'Old', slug: 'old', timezone: 'America/New_York', isActive: false },
    })
    await app.payload.create({
      collection: 'locations',
      data: { tenant: String(cast.b.id), name: 'B place', slug: 'b-place', timezone: 'America/New_York' },
    })
    for (const key of ['boston-yoga-near-me', 'old', 'b-place'])
      await expect(get(locationPage, `locations/${key}`, key)).rejects.toSatisfy(isNotFound)
  })
})

describe('demo: every demo tenant gets a published About page (idempotent)', () => {
  it('creates the About pages once', async () => {
    for (const demo of DEMO_TENANTS)
      await app.payload.create({
        collection: 'tenants',
        data: { name: demo.name, slug: demo.slug, timezone: demo.timezone, currency: demo.currency, status: 'active' },
      })
    const first = await seedWebsitePagesDemo(app.payload)
    expect(first.created).toBeGreaterThanOrEqual(DEMO_TENANTS.length)
    expect((await seedWebsitePagesDemo(app.payload)).created).toBe(0)
    for (const demo of DEMO_TENANTS) {
      const { docs } = await app.payload.find({
        collection: 'pages',
        where: { and: [{ 'tenant.slug': { equals: demo.slug } }, { slug: { equals: 'about' } }] },
        depth: 0,
      })
      expect(docs).toHaveLength(1)
      expect(docs[0]._status).toBe('published')
      expect(docs[0].layout.map((block) => block.blockType)).toEqual(
        expect.arrayContaining(['hero', 'richText', 'faqList', 'gallery', 'scheduleTeaser', 'contactForm']),
      )
    }
  })
})
