import { randomBytes } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import type { BlogListReply, WriteNowReply } from '../contract'
import { assertWellFormedXml } from '../sitemap/wellFormedXml'
import { markdownToLexical } from '../writer/markdownToLexical'

const app = useTestApp()

const WORDS = 'amber birch cedar delta ember fjord garnet harbor indigo juniper kelp lumen meadow nectar opal'.split(
  ' ',
)
/** Text no other post shares (the near-duplicate check compares published posts across tenants). */
const uniqueText = () =>
  Array.from({ length: 40 }, () => `${WORDS[randomBytes(1)[0] % WORDS.length]}${randomBytes(2).toString('hex')}`).join(
    ' ',
  )
const weeksAgo = (n: number) => new Date(Date.now() - n * 7 * 86_400_000).toISOString()

const get = async (path: string) => {
  const response = await fetch(`${app.baseUrl}${path}`)
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}
const items = (xml: string) => [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1])
const tag = (xml: string, name: string) => xml.match(new RegExp(`<${name}>([^<]*)</${name}>`))?.[1]

type Blog = { tenant: string; slug: string; author: string; topic: string; published: string[]; draft: string }

/**
 * A tenant with `count` published posts (the newest first publication = index 0, one a week back
 * so the weekly cap is not reached), an author with a display name, two topics, a draft and a
 * trashed post (both must never show).
 */
const blogOf = async (count: number, titleOf: (n: number) => string = (n) => `Post ${n}`): Promise<Blog> => {
  const tenant = await createTenant(app.payload, { timezone: 'America/New_York' })
  const writer = await createPerson(app.payload, { tenant: tenant.id, roles: ['instructor'] })
  await app.payload.update({
    collection: 'tenant-memberships',
    id: writer.membership!.id,
    data: { profile: { displayName: `Writer ${tenant.slug}` } },
  })
  const topics = await Promise.all(
    ['A', 'B'].map(async (letter) =>
      String(
        (
          await app.payload.create({
            collection: 'seo-topics',
            data: { name: `Topic ${letter} ${randomBytes(3).toString('hex')}` },
          })
        ).id,
      ),
    ),
  )
  const post = async (n: number, status: 'published' | 'draft') =>
    String(
      (
        await app.payload.create({
          collection: 'blog-posts',
          data: {
            tenant: tenant.id,
            title: titleOf(n),
            slug: `post-${n}-${status}`,
            excerpt: `Excerpt ${n}: ${uniqueText().slice(0, 60)}`,
            body: markdownToLexical(uniqueText()),
            author: writer.membership!.id,
            topic: topics[n % 2],
            publishedAt: status === 'published' ? weeksAgo(n + 1) : undefined,
            _status: status,
          },
          draft: status === 'draft',
        })
      ).id,
    )
  const published: string[] = []
  for (let n = 0; n < count; n++) published.push(await post(n, 'published'))
  const draft = await post(1000, 'draft')
  const trashed = await post(1001, 'published')
  await app.payload.update({ collection: 'blog-posts', id: trashed, data: { deletedAt: new Date().toISOString() } })
  return { tenant: tenant.id, slug: tenant.slug, author: writer.membership!.id, topic: topics[0], published, draft }
}

let big: Blog
let small: Blog

beforeAll(async () => {
  big = await blogOf(23)
  small = await blogOf(2, (n) => (n === 0 ? `Tom & Jerry's <b>"Yoga"</b> guide ${n}` : `Quiet post ${n}`))
  await app.payload.create({
    collection: 'faqs',
    data: { tenant: small.tenant, question: 'Do I need a mat?', answer: markdownToLexical('We lend mats.') },
  })
}, 240_000)

describe('the public blog (GET /api/website/blog)', () => {
  it('pages published posts newest first, ten a page, without drafts, trash or other tenants', async () => {
    const seen: string[] = []
    const dates: string[] = []
    for (let page = 1; page <= 3; page++) {
      const res = await app.http().get<BlogListReply>(`/api/website/blog?tenant=${big.slug}&page=${page}`)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      expect(res.body).toMatchObject({ page, totalPages: 3, totalPosts: 23 })
      expect(res.body.posts).toHaveLength(page < 3 ? 10 : 3)
      for (const post of res.body.posts) {
        seen.push(post.id)
        dates.push(String(post.publishedAt))
        expect(post.author).toEqual({ id: big.author, name: `Writer ${big.slug}` })
        expect(post.topic?.name).toMatch(/^Topic [AB] /)
      }
    }
    expect(seen).toEqual(big.published) // index 0 is the newest
    expect([...dates].sort().reverse()).toEqual(dates)
    expect(seen).not.toContain(big.draft)
    const past = await app.http().get<BlogListReply>(`/api/website/blog?tenant=${big.slug}&page=4`)
    expect(past.body.posts).toEqual([])
  })

  it('filters by topic and by author, lists them with counts, and refuses bad input', async () => {
    const byTopic = await app.http().get<BlogListReply>(`/api/website/blog?tenant=${big.slug}&topic=${big.topic}`)
    expect(byTopic.body.totalPosts).toBe(12) // posts 0, 2, …, 22
    expect(byTopic.body.posts.every((post) => post.topic?.id === big.topic)).toBe(true)
    expect(byTopic.body.topics.map((t) => t.posts).sort()).toEqual([11, 12])
    expect(byTopic.body.authors).toEqual([{ id: big.author, name: `Writer ${big.slug}`, posts: 23 }])
    const byAuthor = await app.http().get<BlogListReply>(`/api/website/blog?tenant=${small.slug}&author=${big.author}`)
    expect(byAuthor.body.totalPosts).toBe(0) // another tenant's author writes nothing here
    expect((await app.http().get(`/api/website/blog?tenant=${big.slug}&page=0`)).status).toBe(400)
    expect((await app.http().get(`/api/website/blog?tenant=${big.slug}&topic=nope`)).status).toBe(400)
    expect((await app.http().get(`/api/website/blog?tenant=no-such-tenant-x`)).status).toBe(404)
  })

  it('shows no draft even to the tenant staff signed in', async () => {
    const manager = await createPerson(app.payload, { tenant: big.tenant, roles: ['manager'] })
    const { client } = await signIn(app, manager.user.email)
    const res = await client.get<BlogListReply>(`/api/website/blog?tenant=${big.slug}&limit=50`)
    expect(res.body.totalPosts).toBe(23)
    expect(res.body.posts.map((p) => p.id)).not.toContain(big.draft)
  })
})

describe('the RSS feed (GET /api/website/blog/rss)', () => {
  it('is well-formed RSS 2.0 of the latest 20 published posts with absolute links', async () => {
    const res = await get(`/api/website/blog/rss?tenant=${big.slug}`)
    expect(res.status, res.text).toBe(200)
    expect(res.type).toContain('application/rss+xml')
    assertWellFormedXml(res.text)
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/)
    const origin = `${app.baseUrl}/${big.slug}`.replace(app.baseUrl, '')
    const list = items(res.text)
    expect(list).toHaveLength(20)
    expect(tag(res.text, 'link')).toMatch(new RegExp(`^https?://[^/]+${origin}/blog$`))
    for (const [index, item] of list.entries()) {
      expect(tag(item, 'title')).toBe(`Post ${index}`)
      expect(tag(item, 'link')).toMatch(new RegExp(`^https?://[^/]+${origin}/blog/post-${index}-published$`))
      expect(tag(item, 'pubDate')).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/)
      expect(tag(item, 'dc:creator')).toBe(`Writer ${big.slug}`)
    }
    expect(res.text).not.toContain('post-1000-draft')
    expect(res.text).not.toContain('post-1001-published')
  })

  it('escapes titles and lists only its own tenant', async () => {
    const res = await get(`/api/website/blog/rss?tenant=${small.slug}`)
    assertWellFormedXml(res.text)
    expect(res.text).toContain('<title>Tom &amp; Jerry&apos;s &lt;b&gt;&quot;Yoga&quot;&lt;/b&gt; guide 0</title>')
    expect(res.text).not.toContain('<b>')
    expect(items(res.text)).toHaveLength(2)
    expect(res.text).not.toContain(`/${big.slug}/`)
    expect((await get('/api/website/blog/rss?tenant=no-such-tenant-x')).status).toBe(404)
  })
})

describe('the sitemap lists the blog', () => {
  it("has the tenant's published posts and its blog and FAQ pages, nothing of another tenant", async () => {
    const res = await get(`/api/website/sitemap?tenant=${small.slug}&file=1`)
    expect(res.status, res.text).toBe(200)
    assertWellFormedXml(res.text)
    const locs = [...res.text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]).pathname)
    expect(locs).toEqual(
      expect.arrayContaining([
        `/${small.slug}/blog`,
        `/${small.slug}/faq`,
        `/${small.slug}/blog/post-0-published`,
        `/${small.slug}/blog/post-1-published`,
      ]),
    )
    expect(locs.filter((path) => path.includes('/blog/'))).toHaveLength(2)
    expect(locs).not.toContain(`/${small.slug}/gallery`) // no gallery items
    expect(locs.every((path) => path.startsWith(`/${small.slug}`))).toBe(true)
    const bigMap = await get(`/api/website/sitemap?tenant=${big.slug}&file=1`)
    expect(bigMap.text.match(/\/blog\/post-\d+-published</g)).toHaveLength(23)
    expect(bigMap.text).not.toContain('draft')
  })
})

describe('Write now (POST /api/seo-subscriptions/:id/write-now)', () => {
  it('queues the period’s post once for managers; staff who are not managers are refused', async () => {
    const tenant = big.tenant
    const subscription = await app.payload.create({
      collection: 'seo-subscriptions',
      data: { tenant, topic: big.topic, frequency: 'monthly', isEnabled: false },
    })
    const manager = await createPerson(app.payload, { tenant, roles: ['manager'] })
    const instructor = await createPerson(app.payload, { tenant, roles: ['instructor'] })
    const other = await createPerson(app.payload, { tenant: small.tenant, roles: ['manager'] })
    const path = `/api/seo-subscriptions/${subscription.id}/write-now`
    expect((await (await signIn(app, instructor.user.email)).client.post(path, {})).status).toBe(403)
    expect((await (await signIn(app, other.user.email)).client.post(path, {})).status).toBe(404)
    expect((await app.http().post(path, {})).status).toBe(401)

    const { client } = await signIn(app, manager.user.email)
    const queued = await client.post<WriteNowReply>(path, {})
    expect(queued.status, JSON.stringify(queued.body)).toBe(202)
    expect(queued.body).toMatchObject({ status: 'queued', post: null })
    expect(queued.body.period).toMatch(/^\d{4}-\d\d$/)
    // A second click before the job ran queues another run: both write through one generation key.
    const again = await client.post<WriteNowReply>(path, {})
    expect(again.status).toBe(202)
    for (const id of [queued.body.job, again.body.job]) await app.payload.jobs.runByID({ id: String(id) })
    const written = await app.payload.find({
      collection: 'blog-posts',
      where: { 'generation.subscription': { equals: subscription.id } },
      draft: true,
    })
    expect(written.docs).toHaveLength(1)
    expect(written.docs[0]).toMatchObject({ isGenerated: true, reviewStatus: 'awaiting_approval', _status: 'draft' })
    const exists = await client.post<WriteNowReply>(path, {})
    expect(exists.status).toBe(200)
    expect(exists.body).toMatchObject({ status: 'exists', post: String(written.docs[0].id), job: null })
  })
})
