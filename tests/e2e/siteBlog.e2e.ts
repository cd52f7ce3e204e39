/**
 * The tenant blog end to end: a marketer (the demo owner) opens the generated draft waiting for
 * approval in the admin, writes its meta description and publishes it (publishing approves); the
 * post then appears on the tenant site's blog with that description, a canonical link, BlogPosting
 * JSON-LD and the RSS link, at desktop width and at 390 px; the RSS feed lists it.
 * Demo data from seed/websiteDemo.ts (two published posts and one draft awaiting approval).
 */
import assert from 'node:assert/strict'
import type { Page } from '@playwright/test'
import { DEMO_TENANTS, demoEmail } from '../../seed/demoTenants'
import { expect, test } from './fixtures'
import { demoApi, fitsWidth, loginThroughForm, NARROW, stamp } from './harness'

const sunrise = DEMO_TENANTS.find((demo) => demo.slug === 'sunrise-yoga')!

type Node = Record<string, unknown>

const jsonLd = async (page: Page): Promise<Node[]> => {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents()
  return texts.flatMap((text) => ([] as Node[]).concat(JSON.parse(text) as Node | Node[]))
}

test('site-blog-approve-publish', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL, log } = ctx
  const owner = demoEmail(sunrise.slug, 'owner')
  const api = await demoApi(baseURL, owner)
  const drafts = await api.get(
    `/api/blog-posts?${new URLSearchParams({
      'where[reviewStatus][equals]': 'awaiting_approval',
      'where[_status][equals]': 'draft',
      depth: '0',
      limit: '1',
    })}`,
  )
  assert.equal(drafts.status, 200, JSON.stringify(drafts.body))
  const draft = drafts.body.docs[0] as { id: string; title: string; slug: string } | undefined
  assert.ok(draft, `${sunrise.slug} has a draft waiting for approval`)
  log(`approving "${draft.title}"`)

  // The draft is not on the site yet.
  assert.equal((await page.goto(`${baseURL}/${sunrise.slug}/blog/${draft.slug}`))?.status(), 404)

  // The marketer opens it in the admin, writes its meta description and publishes it.
  await loginThroughForm(ctx, owner)
  await page.goto(`${baseURL}/admin/collections/blog-posts/${draft.id}`)
  const description = `A hands-on guide from ${sunrise.name}, checked by our team (${stamp()}).`
  const field = page.locator('#field-meta__description')
  await field.waitFor({ state: 'visible' })
  await expect(async () => {
    await field.fill(description)
    await expect(field).toHaveValue(description, { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })
  await page.locator('#action-save').click()
  await expect
    .poll(async () => (await api.get(`/api/blog-posts/${draft.id}?depth=0`)).body?._status, { timeout: 30_000 })
    .toBe('published')
  const published = (await api.get(`/api/blog-posts/${draft.id}?depth=0`)).body
  assert.equal(published.reviewStatus, 'approved')
  assert.equal(published.meta?.description, description)

  // On the tenant's blog (the page re-renders: publishing dropped its cached pages).
  for (const viewport of [{ width: 1280, height: 900 }, NARROW]) {
    await page.setViewportSize(viewport)
    assert.equal((await page.goto(`${baseURL}/${sunrise.slug}/blog`))?.status(), 200)
    const link = page.locator('main').getByRole('link', { name: draft.title, exact: true })
    await expect(link).toBeVisible()
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
      'href',
      `${baseURL}/${sunrise.slug}/blog/rss.xml`,
    )
    await expect(page.locator('header').getByRole('link', { name: 'Blog', exact: true })).toHaveCount(1)
    if (viewport === NARROW) await fitsWidth(page, NARROW.width, 'the blog')
    await Promise.all([page.waitForURL(`**/blog/${draft.slug}`), link.click()])
    const postUrl: string = `${baseURL}/${sunrise.slug}/blog/${draft.slug}`
    await expect(page.getByRole('heading', { level: 1, name: draft.title })).toBeVisible()
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', description)
    await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', description)
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', postUrl)
    const [posting] = (await jsonLd(page)).filter((node) => node['@type'] === 'BlogPosting')
    assert.ok(posting, 'BlogPosting JSON-LD on the post')
    assert.equal(posting.headline, draft.title)
    assert.equal(posting.url, postUrl)
    assert.equal(posting.description, description)
    assert.match(String(posting.datePublished), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    assert.equal((posting.publisher as Node).name, sunrise.name)
    if (viewport === NARROW) await fitsWidth(page, NARROW.width, 'the post')
  }

  // The feed lists it with its absolute link.
  const feed = await fetch(`${baseURL}/${sunrise.slug}/blog/rss.xml`)
  assert.equal(feed.status, 200)
  assert.match(feed.headers.get('content-type') ?? '', /application\/rss\+xml/)
  const xml = await feed.text()
  assert.ok(xml.includes(`<link>${baseURL}/${sunrise.slug}/blog/${draft.slug}</link>`), xml.slice(0, 600))
})
