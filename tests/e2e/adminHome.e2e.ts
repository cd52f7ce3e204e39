/**
 * The staff home and the member's page in the admin, in a browser against the demo data: an owner
 * sees today's classes with their counts and the week's revenue and follows a class to its
 * check-in list; an instructor sees only their own day; the desk opens a member's page. Run with
 * `E2E_SPECS=adminHome npm run test:e2e`; screenshots go to test-results/adminHome-*.png.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { demoEmail } from '../../seed/demoTenants'
import { expectNoText, loginThroughForm, stamp, demoApi } from './harness'
import { test } from './fixtures'

const results = path.resolve(import.meta.dirname, '../../test-results')
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(results, `adminHome-${name}.png`), fullPage: true })

const ZONE = 'America/New_York'
const localDay = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  )

/** A class of sunrise-yoga today (in 20 minutes, or an hour ago just before midnight) with no instructor, booked by two members. */
const classToday = async (baseURL: string) => {
  const owner = await demoApi(baseURL, demoEmail('sunrise-yoga', 'owner'))
  const tenant = (await owner.get('/api/tenants?where[slug][equals]=sunrise-yoga&depth=0')).body.docs[0]
  const now = Date.now()
  const soon = new Date(Math.ceil((now + 20 * 60_000) / 60_000) * 60_000)
  const startTime = localDay(soon) === localDay(new Date(now)) ? soon : new Date(now - 60 * 60_000)
  const title = `Home probe ${stamp()}`
  const created = await owner.post('/api/classes', {
    tenant: tenant.id,
    title,
    startTime: startTime.toISOString(),
    durationMinutes: 45,
    capacity: 6,
    waitlistCapacity: 2,
  })
  assert.equal(created.status, 201, `class: ${created.status} ${JSON.stringify(created.body)}`)
  const classId = String(created.body.doc.id)
  for (const key of ['member1', 'member2']) {
    const member = await demoApi(baseURL, demoEmail('sunrise-yoga', key))
    const booked = await member.post(`/api/classes/${classId}/book`, {})
    assert.ok([201, 409].includes(booked.status), `booking of ${key}: ${booked.status} ${JSON.stringify(booked.body)}`)
  }
  return { owner, tenant, classId, title }
}

test('adminHome-owner-today-revenue-check-in', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page } = ctx
  const setup = await classToday(ctx.baseURL)
  await loginThroughForm(ctx, demoEmail('sunrise-yoga', 'owner'))
  await page.goto(`${ctx.baseURL}/admin`)
  const today = page.locator('[data-testid="home-today"]')
  await today.waitFor({ state: 'visible' })
  const row = today.locator('[data-testid="home-today-class"]', { hasText: setup.title })
  await row.waitFor({ state: 'visible' })
  assert.match(await row.innerText(), /2\/6 booked · 0 waitlisted · 0 checked in/)
  const revenue = page.locator('[data-testid="home-revenue"]')
  await revenue.waitFor({ state: 'visible' })
  assert.match(await revenue.innerText(), /this week/)
  assert.match(await revenue.innerText(), /\$[\d,]+\.\d\d/)
  await page.locator('[data-testid="home-at-risk"]').waitFor({ state: 'visible' })
  await shot(page, 'owner')
  await row.getByRole('link', { name: setup.title }).click()
  await page.waitForURL((url) => url.pathname === `/admin/check-in/${setup.classId}`)
  await page.locator('[data-testid="roster-row"]').first().waitFor({ state: 'visible' })
  assert.equal(await page.locator('[data-testid="roster-row"]').count(), 2)
})

test('adminHome-instructor-own-day', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page } = ctx
  const setup = await classToday(ctx.baseURL) // nobody teaches it
  await loginThroughForm(ctx, demoEmail('sunrise-yoga', 'instructor'))
  await page.goto(`${ctx.baseURL}/admin`)
  const today = page.locator('[data-testid="home-today"]')
  await today.waitFor({ state: 'visible' })
  assert.match(await today.locator('h2').innerText(), /^Your day/)
  await expectNoText(today, setup.title, 'a class the instructor does not teach')
  assert.equal(await page.locator('[data-testid="home-revenue"]').count(), 0, 'instructors do not see revenue')
  assert.equal(await page.locator('[data-testid="home-at-risk"]').count(), 0)
  for (const row of await today.locator('[data-testid="home-today-class"]').allInnerTexts())
    assert.ok(row.includes('Ines Instructor'), `a class of someone else on the instructor's day: ${row}`)
  await shot(page, 'instructor')
})

test('adminHome-desk-member-page', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL } = ctx
  const setup = await classToday(baseURL)
  const desk = await demoApi(baseURL, demoEmail('sunrise-yoga', 'frontdesk'))
  const maya = (
    await desk.get(
      `/api/tenant-memberships?where[profile.displayName][equals]=Maya Member&where[tenant][equals]=${setup.tenant.id}&depth=0`,
    )
  ).body.docs[0]
  assert.ok(maya, 'Maya is a member of sunrise-yoga')
  await loginThroughForm(ctx, demoEmail('sunrise-yoga', 'frontdesk'))
  await page.goto(`${baseURL}/admin/collections/tenant-memberships/${maya.id}`)
  for (const heading of ['Bookings', 'Subscriptions', 'Payments', 'Credits'])
    await page.getByText(heading, { exact: true }).first().waitFor({ state: 'visible' })
  // Her booking of today's class is listed (status and start) in the Bookings table.
  await page.getByText('Appointments', { exact: true }).last().scrollIntoViewIfNeeded()
  await page.getByText('confirmed', { exact: true }).first().waitFor({ state: 'visible' })
  await shot(page, 'member-page')
  // Another tenant's member is not there for this desk.
  const owner = await demoApi(baseURL, demoEmail('fairway-club', 'owner'))
  const foreign = (await owner.get('/api/tenant-memberships?where[profile.displayName][equals]=Maya Member&depth=0'))
    .body.docs[0]
  assert.ok(foreign, 'fairway-club has its own Maya')
  assert.equal((await desk.get(`/api/tenant-memberships/${foreign.id}?depth=0`)).status, 404)
  await page.goto(`${baseURL}/admin/collections/tenant-memberships/${foreign.id}`)
  await expectNoText(page, 'Fairway', 'the desk of sunrise-yoga opened a member of fairway-club')
})
