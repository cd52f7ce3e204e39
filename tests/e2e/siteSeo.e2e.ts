/**
 * The tenant site for crawlers: JSON-LD and canonical links on the home, events and event pages,
 * and per-tenant robots.txt and sitemaps on the tenant's host (`<slug>.<ROOT_DOMAIN>`, reached
 * here through X-Forwarded-Host) and under `/<slug>/`, while the platform keeps public/robots.txt.
 * Demo data from seed/demoTenants.ts and seed/bookingsDemo.ts (an open house per tenant).
 */
import assert from 'node:assert/strict'
import type { Page } from '@playwright/test'
import { DEMO_TENANTS } from '../../seed/demoTenants'
import { test } from './fixtures'

const sunrise = DEMO_TENANTS.find((demo) => demo.slug === 'sunrise-yoga')!
const others = DEMO_TENANTS.filter((demo) => demo.slug !== sunrise.slug)

type Node = Record<string, unknown>

/** The page's JSON-LD nodes (each script may hold one node or an array). */
const jsonLd = async (page: Page): Promise<Node[]> => {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents()
  for (const text of texts) assert.ok(!text.includes('<'), `raw < in JSON-LD: ${text.slice(0, 120)}`)
  return texts.flatMap((text) => ([] as Node[]).concat(JSON.parse(text) as Node | Node[]))
}

const canonical = (page: Page) => page.locator('link[rel="canonical"]').getAttribute('href')

const fetchText = async (url: string, host?: string) => {
  const response = await fetch(url, { headers: host ? { 'x-forwarded-host': host } : {} })
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() }
}

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])

test('site-seo-jsonld-robots-sitemap', async ({ ctx: { page, baseURL } }) => {
  // Home: the locations as an ExerciseGym (a yoga studio) with a PostalAddress, and a canonical link.
  assert.equal((await page.goto(`${baseURL}/${sunrise.slug}`))?.status(), 200)
  assert.equal(await canonical(page), `${baseURL}/${sunrise.slug}`)
  const gyms = (await jsonLd(page)).filter((node) => node['@type'] === 'ExerciseGym')
  assert.equal(gyms.length, sunrise.locations.length)
  for (const gym of gyms) {
    assert.equal((gym.address as Node)['@type'], 'PostalAddress')
    assert.ok(sunrise.locations.some((l) => (gym.address as Node).addressLocality === l.city))
  }

  // Events list and the open house's page: an Event with the New York offset, place, offer, organizer.
  assert.equal((await page.goto(`${baseURL}/${sunrise.slug}/events`))?.status(), 200)
  assert.equal(await canonical(page), `${baseURL}/${sunrise.slug}/events`)
  const listed = (await jsonLd(page)).filter((node) => node['@type'] === 'Event')
  const openHouse = listed.find((node) => node.name === `${sunrise.name} open house`)
  assert.ok(openHouse, `open house in ${JSON.stringify(listed.map((n) => n.name))}`)
  const eventUrl = String(openHouse.url)
  assert.match(eventUrl, new RegExp(`^${baseURL}/${sunrise.slug}/events/[0-9a-f-]{36}$`))
  assert.equal((await page.goto(eventUrl))?.status(), 200)
  assert.equal(await canonical(page), eventUrl)
  const [event] = (await jsonLd(page)).filter((node) => node['@type'] === 'Event')
  assert.match(String(event.startDate), /^\d{4}-\d\d-\d\dT18:00:00-0[45]:00$/)
  assert.equal(event.eventStatus, 'https://schema.org/EventScheduled')
  assert.equal(event.eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode')
  assert.equal((event.location as Node)['@type'], 'Place')
  assert.deepEqual(
    { price: (event.offers as Node).price, availability: (event.offers as Node).availability },
    { price: '0.00', availability: 'https://schema.org/InStock' },
  )
  assert.equal((event.organizer as Node).name, sunrise.name)

  // The platform keeps its default robots.txt; the tenant's host gets its own.
  const platform = await fetchText(`${baseURL}/robots.txt`)
  assert.equal(platform.status, 200)
  assert.match(platform.text, /Atrium's default/)
  const host = `${sunrise.slug}.localhost`
  const robots = await fetchText(`${baseURL}/robots.txt`, host)
  assert.equal(robots.status, 200, robots.text)
  assert.match(robots.type, /text\/plain/)
  assert.match(robots.text, new RegExp(`^Sitemap: ${baseURL}/${sunrise.slug}/sitemap\\.xml$`, 'm'))
  assert.match(robots.text, /^Disallow: \/account$/m)
  const pathRobots = await fetchText(`${baseURL}/${sunrise.slug}/robots.txt`)
  assert.match(pathRobots.text, new RegExp(`^Disallow: /${sunrise.slug}/account$`, 'm'))

  // The sitemap index and its file, on the tenant host and in the path form: only this tenant's URLs.
  for (const [url, via] of [
    [`${baseURL}/sitemap.xml`, host],
    [`${baseURL}/${sunrise.slug}/sitemap.xml`, undefined],
  ] as const) {
    const index = await fetchText(url, via)
    assert.equal(index.status, 200, index.text)
    assert.match(index.type, /application\/xml/)
    assert.deepEqual(locs(index.text), [`${baseURL}/${sunrise.slug}/sitemaps/1.xml`])
  }
  const file = await fetchText(`${baseURL}/sitemaps/1.xml`, host)
  assert.equal(file.status, 200, file.text)
  const urls = locs(file.text)
  for (const expected of [`${baseURL}/${sunrise.slug}`, `${baseURL}/${sunrise.slug}/schedule`, eventUrl])
    assert.ok(urls.includes(expected), `${expected} in the sitemap`)
  assert.ok(
    urls.some((url) => url.includes('/classes/')),
    'upcoming classes listed',
  )
  for (const url of urls) assert.ok(url.startsWith(`${baseURL}/${sunrise.slug}`), url)
  for (const other of others) assert.ok(!file.text.includes(`/${other.slug}/`), `no URL of ${other.slug}`)
  assert.equal((file.text.match(/<lastmod>/g) ?? []).length, urls.length)
  assert.equal((await fetchText(`${baseURL}/sitemaps/9.xml`, host)).status, 404)
})
