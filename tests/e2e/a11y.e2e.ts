/**
 * Accessibility walk (WCAG 2.1 A and AA with axe-core, see a11y.ts) at 390 px and desktop width:
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

const WIDTHS = [NARROW, { width: 1400, height: 900 }]

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

for (const viewport of WIDTHS) {
  for (const [index, tenant] of DEMO_TENANTS.entries()) {
    test(`a11y-site-${tenant.slug}-${viewport.width}`, async ({ page, a11y }) => {
      test.setTimeout(300_000)
      a11y.checkEveryVisit()
      await page.setViewportSize(viewport)
      const slug = tenant.slug

      // As a visitor: the home page, every page its navigation links to, and a detail page of each list.
      await visit(page, `/${slug}`)
      const nav = await linksOf(page, 'header a')
      assert.ok(nav.includes(`/${slug}/schedule`), `the nav of ${slug} links to the schedule: ${nav.join(', ')}`)
      for (const path of nav) await visit(page, path)
      const details = [
        await firstDetail(page, `/${slug}/schedule`, /\/classes\/[^/]+$/, 'Next week'),
        nav.includes(`/${slug}/events`) ? await firstDetail(page, `/${slug}/events`, /\/events\/[^/?]+$/) : undefined,
        nav.includes(`/${slug}/appointments`)
          ? await firstDetail(page, `/${slug}/appointments`, /\/appointments\/[^/?]+$/)
          : undefined,
      ].filter((path): path is string => !!path)
      assert.ok(details.length > 0, `no class, event or service of ${slug} to open`)
      for (const path of details) await visit(page, path)
      for (const path of ['login', 'signup', 'forgot', 'reset']) await visit(page, `/${slug}/${path}`)
      await visit(page, '/no-such-studio', 404)

      assert.ok(a11y.checked > nav.length, `only ${a11y.checked} pages were checked`)
    })

    test(`a11y-member-${tenant.slug}-${viewport.width}`, async ({ page, a11y }) => {
      test.setTimeout(300_000)
      await page.setViewportSize(viewport)
      const slug = tenant.slug
      await page.goto(`/${slug}`)
      const nav = (await linksOf(page, 'header a')).filter((path) => !/\/(login|signup)$/.test(path))
      const details = [
        await firstDetail(page, `/${slug}/schedule`, /\/classes\/[^/]+$/, 'Next week'),
        nav.includes(`/${slug}/events`) ? await firstDetail(page, `/${slug}/events`, /\/events\/[^/?]+$/) : undefined,
        nav.includes(`/${slug}/appointments`)
          ? await firstDetail(page, `/${slug}/appointments`, /\/appointments\/[^/?]+$/)
          : undefined,
      ].filter((path): path is string => !!path)
      a11y.checkEveryVisit() // the pages above were found as a visitor (the visitor walk checks them)

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
      assert.ok(a11y.checked > nav.length, `only ${a11y.checked} pages were checked`)
    })
  }

  test(`a11y-staff-${viewport.width}`, async ({ ctx, page, a11y }) => {
    test.setTimeout(600_000)
    a11y.checkEveryVisit()
    await page.setViewportSize(viewport)

    // The owner: home, every list and custom view in the nav, the edit view of the main collections.
    await loginThroughForm(ctx, demoEmail('sunrise-yoga', 'owner'))
    await visit(page, '/admin')
    const checkIn = (await linksOf(page, 'a[href^="/admin/check-in/"]'))[0]
    const nav = await adminNav(page)
    assert.ok(nav.includes('/admin/collections/classes'), `the owner's nav lists classes: ${nav.join(', ')}`)
    for (const path of nav) {
      await visit(page, path)
      // A list, or the one document of a tenant's singleton (tenant-settings opens its edit view).
      if (path.startsWith('/admin/collections/'))
        await page.locator('.collection-list, .collection-edit').first().waitFor()
    }
    if (checkIn) await visit(page, checkIn)

    // The instructor's own day and the platform admin's home.
    for (const email of [demoEmail('sunrise-yoga', 'instructor'), PLATFORM_ADMIN_EMAIL]) {
      await page.context().clearCookies()
      await loginThroughForm(ctx, email)
      await visit(page, '/admin')
    }
  })

  test(`a11y-staff-edit-${viewport.width}`, async ({ ctx, page, a11y }) => {
    test.setTimeout(600_000)
    a11y.checkEveryVisit()
    await page.setViewportSize(viewport)
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
    ]) {
      if (!nav.includes(`/admin/collections/${slug}`)) continue
      await visit(page, `/admin/collections/${slug}`)
      const row = page.locator('.collection-list table tbody tr a').first()
      if ((await row.count()) === 0) continue
      await Promise.all([page.waitForURL(/\/admin\/collections\/[^/]+\/[^/?]+/), row.click()])
      await page.locator('.collection-edit, .document-fields').first().waitFor()
    }
  })
}
