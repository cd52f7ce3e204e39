/**
 * The tenant website as an anonymous visitor: the schedule shows only this tenant's classes in its
 * locations' time zone, unknown tenants get the 404 page, and the schedule fits a 390 px phone.
 * Demo data from seed/demoTenants.ts (series materialised by the seed).
 */
import assert from 'node:assert/strict'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL } from '../../seed/demoTenants'
import { expectNoText, expectVisibleText, type E2EContext } from './harness'
import { test } from './fixtures'

const tenant = (slug: string) => {
  const found = DEMO_TENANTS.find((demo) => demo.slug === slug)
  if (!found) throw new Error(`no demo tenant ${slug}`)
  return found
}
const sunrise = tenant('sunrise-yoga')
const others = DEMO_TENANTS.filter((demo) => demo.slug !== sunrise.slug)

/** Opens the tenant's schedule, then next week's (the current week may have no classes left; the seed materialises weeks ahead). */
const openNextWeek = async ({ page, baseURL }: E2EContext, slug: string): Promise<Page> => {
  const response = await page.goto(`${baseURL}/${slug}/schedule`)
  assert.equal(response?.status(), 200, `/${slug}/schedule answered ${response?.status()}`)
  await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor({ state: 'visible' })
  await Promise.all([
    page.waitForURL((url) => url.searchParams.has('week')),
    page.getByRole('link', { name: 'Next week' }).click(),
  ])
  await page.locator('.class-row').first().waitFor({ state: 'visible' })
  return page
}

test('site-schedule-tenant-only', async ({ ctx }) => {
  const page = await openNextWeek(ctx, sunrise.slug)
  assert.match(await page.title(), new RegExp(`^Schedule, week of .+ · ${sunrise.name.replace(/[&]/g, '\\$&')}$`))
  await expectVisibleText(page.locator('header'), sunrise.name)

  // Both series of the first location, at their local wall times in New York.
  const [morning, evening] = sunrise.classTitles
  const rows = page.locator('.class-row')
  const morningRow = rows.filter({ hasText: morning }).first()
  await morningRow.waitFor({ state: 'visible' })
  assert.match(await morningRow.locator('.class-time').innerText(), /^7:00\sAM–8:00\sAM\s+E[SD]T$/)
  assert.equal(await morningRow.locator('abbr').getAttribute('title'), 'America/New_York')
  assert.match(
    await rows.filter({ hasText: evening }).first().locator('.class-time').innerText(),
    /^6:30\sPM–7:30\sPM\s+E[SD]T$/,
  )
  const text = await page.locator('main').innerText()
  for (const location of sunrise.locations)
    assert.ok(text.includes(location.name), `${location.name} is not on the schedule`)
  assert.ok(text.includes('Ines Instructor'), 'the instructor is not shown')
  assert.match(text, /\d+ spots left/)

  // Nothing of any other tenant.
  for (const other of others) {
    for (const title of other.classTitles) assert.ok(!text.includes(title), `${title} belongs to ${other.slug}`)
    for (const location of other.locations)
      await expectNoText(page, location.name, `${location.name} belongs to ${other.slug}`)
  }

  // The location filter (a plain GET form) keeps only that location's classes.
  const riverside = sunrise.locations[1]
  await page.getByLabel('Location').selectOption({ label: riverside.name })
  await Promise.all([
    page.waitForURL((url) => url.searchParams.has('location')),
    page.getByRole('button', { name: 'Show classes' }).click(),
  ])
  await page.locator('.class-row').first().waitFor({ state: 'visible' })
  const filtered = await page.locator('.class-row').allInnerTexts()
  assert.ok(filtered.length > 0, 'no classes at the filtered location')
  for (const row of filtered) assert.ok(row.includes(riverside.name), `a row of another location is shown: ${row}`)
})

test('site-unknown-tenant-404', async ({ ctx }) => {
  const { page, baseURL } = ctx
  const response = await page.goto(`${baseURL}/no-such-studio`)
  assert.equal(response?.status(), 404, `/no-such-studio answered ${response?.status()}`)
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor({ state: 'visible' })
  assert.match(await page.title(), /Page not found/)
  const schedule = await page.goto(`${baseURL}/no-such-studio/schedule`)
  assert.equal(schedule?.status(), 404, `/no-such-studio/schedule answered ${schedule?.status()}`)
  await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor({ state: 'visible' })
})

test('site-suspended-tenant-notice', async ({ ctx }) => {
  const { page, baseURL } = ctx
  // The platform admin creates a suspended tenant over REST; a visitor then opens its site.
  const api = page.context().request
  const login = await api.post(`${baseURL}/api/users/login`, {
    data: { email: PLATFORM_ADMIN_EMAIL, password: DEMO_PASSWORD },
  })
  assert.equal(login.status(), 200, `admin login answered ${login.status()}`)
  const { token } = (await login.json()) as { token: string }
  const slug = `paused-studio-${Date.now().toString(36)}`
  const created = await api.post(`${baseURL}/api/tenants`, {
    headers: { Authorization: `JWT ${token}` },
    data: { name: 'Paused Studio', slug, timezone: 'America/New_York', currency: 'USD', status: 'suspended' },
  })
  assert.equal(created.status(), 201, `creating the tenant answered ${created.status()}: ${await created.text()}`)
  await page.context().clearCookies()

  for (const path of [`/${slug}`, `/${slug}/schedule`]) {
    const response = await page.goto(`${baseURL}${path}`)
    assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`)
    await page
      .getByRole('heading', { level: 1, name: 'Paused Studio is not taking bookings right now' })
      .waitFor({ state: 'visible' })
    assert.equal(
      await page.locator('.class-row, form.filters').count(),
      0,
      `${path} shows a schedule of a suspended tenant`,
    )
    assert.equal(await page.getByRole('link', { name: 'Schedule' }).count(), 0, 'the nav links to the schedule')
  }
})

test('site-schedule-narrow', async ({ ctx }) => {
  await ctx.page.setViewportSize({ width: 390, height: 844 })
  const page = await openNextWeek(ctx, sunrise.slug)
  await expectVisibleText(page, sunrise.classTitles[0])
  const width = await page.evaluate(
    () => document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
  )
  assert.ok(width <= 390, `the schedule is ${width}px wide on a 390px viewport`)
  // The home page too.
  await page.goto(`${ctx.baseURL}/${sunrise.slug}`)
  await page.getByRole('heading', { level: 1, name: sunrise.heroTitle }).waitFor({ state: 'visible' })
  const homeWidth = await page.evaluate(
    () => document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
  )
  assert.ok(homeWidth <= 390, `the home page is ${homeWidth}px wide on a 390px viewport`)
  await openNextWeek(ctx, sunrise.slug) // the screenshot shows the schedule
})
