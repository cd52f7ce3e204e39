/**
 * The front desk's own screens in the admin (bookings calendar, check-in list, POS), in a browser
 * against the demo data (seed/demoTenants.ts, seed/commerceDemo.ts). Run with
 * `E2E_SPECS=adminStaff npm run test:e2e`; screenshots go to test-results/adminStaff-*.png.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { demoEmail } from '../../seed/demoTenants'
import { expectNoText, expectVisibleText, loginThroughForm, demoApi } from './harness'
import { test } from './fixtures'

const results = path.resolve(import.meta.dirname, '../../test-results')
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(results, `adminStaff-${name}.png`), fullPage: true })

/** Monday (YYYY-MM-DD) of the week holding `instant` in `zone`. */
const mondayIn = (instant: Date, zone: string) => {
  const local = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
  const date = new Date(`${local}T00:00:00Z`)
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A class starting in 20 minutes at Downtown Studio (so check-in is open), two places, booked by
 * Maya and Noah, with Iris on the waitlist.
 */
const classAboutToStart = async (baseURL: string) => {
  const owner = await demoApi(baseURL, demoEmail('sunrise-yoga', 'owner'))
  const tenant = (await owner.get('/api/tenants?where[slug][equals]=sunrise-yoga&depth=0')).body.docs[0]
  const location = (
    await owner.get(`/api/locations?where[tenant][equals]=${tenant.id}&where[slug][equals]=downtown&depth=0`)
  ).body.docs[0]
  assert.ok(tenant && location, 'the demo tenant sunrise-yoga and its Downtown Studio exist')
  const title = `Desk check-in ${Math.random().toString(36).slice(2, 7)}`
  const startTime = new Date(Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000)
  const created = await owner.post('/api/classes', {
    tenant: tenant.id,
    title,
    location: location.id,
    startTime: startTime.toISOString(),
    durationMinutes: 60,
    capacity: 2,
    waitlistCapacity: 3,
  })
  assert.equal(created.status, 201, `class: ${created.status} ${JSON.stringify(created.body)}`)
  const classId = String(created.body.doc.id)
  const bookings: Record<string, { id: string; status: string; waitlistPosition: number | null }> = {}
  for (const key of ['member1', 'member2', 'member3']) {
    const member = await demoApi(baseURL, demoEmail('sunrise-yoga', key))
    const booked = await member.post(`/api/classes/${classId}/book`, {})
    assert.equal(booked.status, 201, `booking of ${key}: ${booked.status} ${JSON.stringify(booked.body)}`)
    bookings[key] = booked.body.booking
  }
  assert.equal(bookings.member3.status, 'waitlisted')
  return { owner, tenant, location, classId, title, startTime, bookings }
}

test('adminStaff-front-desk-calendar-check-in-pos', async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  const setup = await classAboutToStart(baseURL)
  ctx.log(`class ${setup.title} at ${setup.startTime.toISOString()}`)
  await loginThroughForm(ctx, demoEmail('sunrise-yoga', 'frontdesk'))

  // Calendar: the nav links to it; the week holding the class, at Downtown Studio.
  await page.locator('#nav-calendar').first().waitFor({ state: 'attached' })
  const week = mondayIn(setup.startTime, 'America/New_York')
  await page.goto(`${baseURL}/admin/calendar?week=${week}&location=${setup.location.id}`)
  const grid = page.locator('.staff-calendar__grid')
  await grid.waitFor({ state: 'visible' })
  await expectVisibleText(grid, setup.title)
  const card = page.locator(`a[href="/admin/check-in/${setup.classId}"]`)
  assert.match(await card.innerText(), /2\/2 booked · waitlist 1/)
  // Next week: the demo series of this tenant, nobody else's.
  await page.getByRole('link', { name: 'Next week' }).click()
  await page.waitForURL((url) => url.searchParams.get('week') !== week)
  await grid.waitFor({ state: 'visible' })
  await expectVisibleText(grid, 'Vinyasa Flow')
  await expectVisibleText(grid, 'Power Yoga')
  for (const foreign of ['Swing Clinic', 'Short Game Lab', 'Group Coaching Circle', 'Live Core Burn']) {
    await expectNoText(page, foreign, `${foreign} is another tenant's class`)
  }
  await shot(page, 'calendar')

  // Back to the class, then its check-in list.
  await page.getByRole('link', { name: 'Previous week' }).click()
  await page.waitForURL((url) => url.searchParams.get('week') === week)
  await page.locator(`a[href="/admin/check-in/${setup.classId}"]`).click()
  await page.waitForURL((url) => url.pathname === `/admin/check-in/${setup.classId}`)
  await expectVisibleText(page, `Check-in: ${setup.title}`)
  const rows = page.locator('[data-testid="roster-row"]')
  await rows.first().waitFor({ state: 'visible' })
  assert.equal(await rows.count(), 2)
  assert.match(await page.locator('[data-testid="waitlist-row"]').first().innerText(), /#1 Iris Member/)
  await page.getByLabel('Search the roster').fill('noah')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="roster-row"]').length === 1)
  await page.getByRole('button', { name: 'Mark Noah Member present' }).click()
  await expectVisibleText(page, 'Noah Member is checked in.')
  const noah = await setup.owner.get(`/api/bookings/${setup.bookings.member2.id}?depth=0`)
  assert.equal(noah.body.status, 'checked_in', 'the booking is checked in in the database')
  const maya = await setup.owner.get(`/api/bookings/${setup.bookings.member1.id}?depth=0`)
  assert.equal(maya.body.status, 'confirmed', 'only the marked member is checked in')
  await shot(page, 'check-in')

  // POS: Maya buys a 5-class pack with cash.
  await page.goto(`${baseURL}/admin/pos`)
  await page.getByLabel('Find a member').fill('Maya')
  await page.getByRole('button', { name: 'Search' }).click()
  await page.getByRole('button', { name: 'Select' }).first().click()
  await expectVisibleText(page.locator('[data-testid="pos-member"]'), 'Maya Member')
  await page.getByRole('button', { name: 'Add 5-class pack' }).click()
  await page.locator('[data-testid="pos-due"]').waitFor({ state: 'visible' })
  assert.equal(await page.locator('[data-testid="pos-due"]').innerText(), '$85.00')
  await page.getByRole('button', { name: 'Take cash' }).click()
  const receipt = page.locator('[data-testid="pos-receipt"]')
  await receipt.waitFor({ state: 'visible' })
  assert.equal(await page.locator('[data-testid="receipt-total"]').innerText(), '$85.00')
  const number = await page.locator('[data-testid="receipt-number"]').innerText()
  const order = await setup.owner.get(`/api/orders?where[number][equals]=${encodeURIComponent(number)}&depth=0`)
  assert.equal(order.body.docs.length, 1, `order ${number} exists`)
  assert.equal(order.body.docs[0].status, 'paid')
  assert.equal(order.body.docs[0].total, 8500)
  const lots = await setup.owner.get(`/api/credit-lots?where[order][equals]=${order.body.docs[0].id}&depth=0`)
  assert.equal(lots.body.docs[0]?.initialCredits, 5, 'the pack became a 5-credit lot')
  await page.getByRole('button', { name: 'Email receipt' }).click()
  await expectVisibleText(page, `Receipt sent to ${demoEmail('sunrise-yoga', 'member1')}.`)
  await shot(page, 'pos-receipt')
})
