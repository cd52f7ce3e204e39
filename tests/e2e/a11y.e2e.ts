/**
 * Accessibility walk (WCAG 2.1 A and AA with axe-core, see a11y.ts), each page checked at 390 px
 * and at desktop width (resized in place, so each page is opened once):
 * every page of every demo tenant's site (the pages its navigation links to, a class, an event and
 * an appointment service from them, the sign-in pages, the join page for an account of another
 * tenant, and the account with a receipt when signed in), then the staff screens (the admin home of
 * an owner, an instructor and the platform admin, every collection list and custom view in the
 * owner's nav, the edit view of each main collection, and a check-in list). The `a11y` fixture
 * checks each page the walk opens and fails the test listing the violations. Run alone with
 * `E2E_SPECS=a11y npm run test:e2e`.
 */
import assert from 'node:assert/strict'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail } from '../../seed/demoTenants'
import { loginThroughForm, NARROW } from './harness'
import { test } from './fixtures'

/** The widths every page is checked at; the walk runs at the first. */
const WIDTHS = [NARROW, { width: 1400, height: 900 }]

/**
 * The template a site page is drawn with, for a visitor or a member: its route inside the site, ids
 * and slugs left out (`classes/:`, `account/receipts/:/:`), and its query-parameter names. Each
 * template is checked once per worker, whichever tenant shows it; each tenant's home page (its
 * brand colours, logo and navigation) is always checked.
 */
const siteTemplate =
  (role: 'visitor' | 'member') =>
  (url: URL): string | undefined => {
    const [, , ...rest] = url.pathname.split('/').filter((part, index) => index === 0 || part !== '')
    if (rest.length === 0) return undefined
    const params = [...new Set(url.searchParams.keys())].sort().join(',')
    return `${role} ${url.hostname} ${[rest[0], ...rest.slice(1).map(() => ':')].join('/')}?${params}`
  }

/** Same-origin links of the page matching `selector`, as paths (without duplicates). */
const linksOf = async (page: Page, selector: string) => {
  const hrefs = await page.locator(selector).evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')))
  const origin = new URL(page.url()).origin
  const paths = hrefs
    .filter((href): href is string => !!href && !href.startsWith('#'))
    .map((href) => new URL(href, origin))
    .filter((url) => url.origin === origin)
    .map((url) => url.pathname + url.search)
  return [...new Set(paths)]
}

/** Opens `path` and checks it answered (the fixture runs axe on it). */
const visit = async (page: Page, path: string, expected = 200) => {
  const response = await page.goto(path)
  assert.equal(response?.status(), expected, `${path} answered ${response?.status()}`)
}

/** The first link to a detail page (`/<slug>/<kind>/<id>`) on a list page, looking up to two weeks ahead. */
const firstDetail = async (page: Page, list: string, pattern: RegExp, later?: string) => {
  await visit(page, list)
  let links = (await linksOf(page, 'main a')).filter((path) => pattern.test(path))
  if (links.length === 0 && later && (await page.getByRole('link', { name: later }).count())) {
    await Promise.all([page.waitForURL((url) => url.search !== ''), page.getByRole('link', { name: later }).click()])
    links = (await linksOf(page, 'main a')).filter((path) => pattern.test(path))
  }
  return links[0]
}

/** A class, an event, an appointment service, a course and a blog post of the site (those its nav lists), to open. */
const detailPages = async (page: Page, slug: string, nav: string[]) =>
  [
    await firstDetail(page, `/${slug}/schedule`, /\/classes\/[^/]+$/, 'Next week'),
    nav.includes(`/${slug}/events`) ? await firstDetail(page, `/${slug}/events`, /\/events\/[^/?]+$/) : undefined,
    nav.includes(`/${slug}/appointments`)
      ? await firstDetail(page, `/${slug}/appointments`, /\/appointments\/[^/?]+$/)
      : undefined,
    nav.includes(`/${slug}/courses`) ? await firstDetail(page, `/${slug}/courses`, /\/courses\/[^/?]+$/) : undefined,
    // ---- series ---- the series list (visited here) and a series page, linked from the courses page
    nav.includes(`/${slug}/courses`) ? await firstDetail(page, `/${slug}/series`, /\/series\/[^/?]+$/) : undefined,
    // ---- /series ----
    nav.includes(`/${slug}/blog`)
      ? await firstDetail(page, `/${slug}/blog`, /\/blog\/(?!author\/|rss\.xml$)[^/?]+$/)
      : undefined,
  ].filter((path): path is string => !!path)

/** The admin views the nav links to (not the logout link). */
const adminNav = async (page: Page) =>
  (await linksOf(page, 'nav a, .nav a')).filter((path) => path.startsWith('/admin/') && !path.includes('logout'))

const siteLogin = async (page: Page, slug: string, email: string, next: string) => {
  await page.goto(`/${slug}/login?${new URLSearchParams({ next })}`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await Promise.all([
    page.waitForURL((url) => !url.pathname.endsWith('/login')),
    page.getByRole('button', { name: 'Log in' }).click(),
  ])
}

// The staff walks first: they are the longest, so the two workers share the site walks after them.
/**
 * The staff screens, in STAFF_PARTS parts run side by side (the nav grows with every plugin and
 * each part stays well inside its time limit): the owner's home, then every STAFF_PARTS-th entry
 * of the nav. Custom views (home, calendar, check-in) are checked at both widths; collection lists at
 * desktop width, where staff work with them (their 390 px layout is Payload's list, the same for
 * every collection; edit views are checked at both widths below).
 */
const STAFF_PARTS = 4
for (let part = 0; part < STAFF_PARTS; part++) {
  test(`a11y-staff-${part + 1}`, async ({ ctx, page, a11y }) => {
    test.setTimeout(600_000)
    a11y.checkEveryVisit(WIDTHS)
    await page.setViewportSize(WIDTHS[0])

    await loginThroughForm(ctx, demoEmail('sunrise-yoga', 'owner'))
    await visit(page, '/admin')
    const checkIn = (await linksOf(page, 'a[href^="/admin/check-in/"]'))[0]
    const nav = await adminNav(page)
    assert.ok(nav.includes('/admin/collections/classes'), `the owner's nav lists classes: ${nav.join(', ')}`)
    for (const path of nav.filter((_, index) => index % STAFF_PARTS === part)) {
      const list = path.startsWith('/admin/collections/')
      a11y.checkEveryVisit(list ? [WIDTHS[1]] : WIDTHS)
      await visit(page, path)
      // A list, or the one document of a tenant's singleton (tenant-settings opens its edit view).
      if (list) await page.locator('.collection-list, .collection-edit').first().waitFor()
    }
    a11y.checkEveryVisit(WIDTHS)
    if (part === 0 && checkIn) await visit(page, checkIn)
    if (part !== STAFF_PARTS - 1) return
    // The instructor's own day and the platform admin's home.
    for (const email of [demoEmail('sunrise-yoga', 'instructor'), PLATFORM_ADMIN_EMAIL]) {
      await page.context().clearCookies()
      await loginThroughForm(ctx, email)
      await visit(page, '/admin')
    }
  })
}

test(`a11y-staff-edit`, async ({ ctx, page, a11y }) => {
  test.setTimeout(600_000)
  a11y.checkEveryVisit(WIDTHS)
  await page.setViewportSize(WIDTHS[0])
  await loginThroughForm(ctx, demoEmail('sunrise-yoga', 'owner'))
  await visit(page, '/admin')
  const nav = await adminNav(page)
  for (const slug of [
    'classes',
    'bookings',
    'tenant-memberships',
    'locations',
    'products',
    'membership-plans',
    'events',
    'appointment-services',
    'orders',
    'invoices',
    'courses',
    'lessons',
    'content-items',
  ]) {
    if (!nav.includes(`/admin/collections/${slug}`)) continue
    await visit(page, `/admin/collections/${slug}`)
    const row = page.locator('.collection-list table tbody tr a').first()
    if ((await row.count()) === 0) continue
    await Promise.all([page.waitForURL(/\/admin\/collections\/[^/]+\/[^/?]+/), row.click()])
    await page.locator('.collection-edit, .document-fields').first().waitFor()
  }
})

for (const [index, tenant] of DEMO_TENANTS.entries()) {
  test(`a11y-site-${tenant.slug}`, async ({ page, a11y }) => {
    // The nav grew with the blog, FAQ and gallery (and a post to open): about 15 s a page at both
    // widths on a loaded machine, past the former 300 s.
    test.setTimeout(480_000)
    a11y.checkEveryVisit(WIDTHS, { sameAs: siteTemplate('visitor') })
    await page.setViewportSize(WIDTHS[0])
    const slug = tenant.slug

    // As a visitor: the home page, every page its navigation links to, and a detail page of each list.
    await visit(page, `/${slug}`)
    const nav = await linksOf(page, 'header a')
    assert.ok(nav.includes(`/${slug}/schedule`), `the nav of ${slug} links to the schedule: ${nav.join(', ')}`)
    for (const path of nav) await visit(page, path)
    const details = await detailPages(page, slug, nav)
    assert.ok(details.length > 0, `no class, event or service of ${slug} to open`)
    for (const path of details) await visit(page, path)
    for (const path of ['login', 'signup', 'forgot', 'reset']) await visit(page, `/${slug}/${path}`)
    await visit(page, '/no-such-studio', 404)

    assert.ok(a11y.checked > 0, `no page of ${slug} was checked`)
  })

  test(`a11y-member-${tenant.slug}`, async ({ page, a11y }) => {
    test.setTimeout(480_000)
    await page.setViewportSize(WIDTHS[0])
    const slug = tenant.slug
    await page.goto(`/${slug}`)
    const nav = (await linksOf(page, 'header a')).filter((path) => !/\/(login|signup)$/.test(path))
    const details = await detailPages(page, slug, nav)
    // The pages above were found as a visitor (the visitor walk checks them).
    a11y.checkEveryVisit(WIDTHS, { sameAs: siteTemplate('member') })

    // An account of another tenant is offered to join.
    const other = DEMO_TENANTS[(index + 1) % DEMO_TENANTS.length]
    await siteLogin(page, slug, demoEmail(other.slug, 'member1'), `/${slug}/account`)
    await page.getByRole('heading', { level: 1, name: `Join ${tenant.name}` }).waitFor()
    await page.context().clearCookies()

    // Signed in as a member: the account, a receipt, and the pages again (they show member actions).
    await siteLogin(page, slug, demoEmail(slug, 'member1'), `/${slug}/account`)
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
    const receipts = await linksOf(page, 'section[aria-labelledby=receipts-title] a')
    if (receipts[0]) await visit(page, receipts[0])
    for (const path of [...nav, ...details]) await visit(page, path)
    assert.ok(a11y.checked > 0, `no page of ${slug} was checked`)
  })
}
