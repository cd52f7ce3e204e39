/**
 * The club's bay grid in the admin (issue 15), in a browser at 1,400 px against the demo seed
 * (seed/facilityDemo.ts): fairway-club's front desk opens /admin/bays for tomorrow, books a
 * walk-in party (its lead only) on a free slot, checks the party in (the lead's fee shown as due), and moves the
 * reservation to another bay; the approval queue is on the page. Run alone with
 * `E2E_SPECS=adminBays npm run test:e2e`; screenshots go to test-results/adminBays-*.png.
 */
import assert from 'node:assert/strict'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { DEMO_TENANTS, demoEmail } from '../../seed/demoTenants'
import { demoApi, expectVisibleText, loginThroughForm, stamp } from './harness'
import { expect, test } from './fixtures'

const club = DEMO_TENANTS.find((demo) => demo.slug === 'fairway-club')!
const results = path.resolve(import.meta.dirname, '../../test-results')
const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(results, `adminBays-${name}.png`), fullPage: true })
const tomorrow = () => {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: club.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
  return new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

test('adminBays-desk-books-walk-in-checks-in-and-moves', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL } = ctx
  await page.setViewportSize({ width: 1400, height: 900 })
  await loginThroughForm(ctx, demoEmail(club.slug, 'frontdesk'))

  // The nav links the grid (the nav may be folded at this width); tomorrow has free slots whatever the time now.
  await page.goto(`${baseURL}/admin`)
  assert.equal(await page.locator('#nav-bays').getAttribute('href'), '/admin/bays')
  await page.goto(`${baseURL}/admin/bays`)
  await page.getByTestId('bays-grid').waitFor({ state: 'visible' })
  const date = tomorrow()
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('date') === date),
    page.getByTestId('bays-next').click(),
  ])
  const grid = page.getByTestId('bays-grid')
  await grid.waitFor({ state: 'visible' })
  for (const header of ['Bay 1', 'Bay 6', 'Putting green']) await expectVisibleText(grid.locator('thead'), header)
  await expect(page.getByTestId('bays-queue')).toContainText('Requests to approve')
  await shot(page, 'grid')

  // A free slot of Bay 3 (after the morning) → a walk-in guest.
  const free = page.getByRole('button', { name: /^Book Bay 3 at (12|[1-6]):[03]0\s?PM$/ })
  assert.ok((await free.count()) > 0, 'Bay 3 has free afternoon slots tomorrow')
  const label = (await free.first().getAttribute('aria-label'))!
  const at = label.replace(/^Book Bay 3 at /, '')
  await free.first().click()
  const form = page.getByTestId('bays-book')
  await form.waitFor({ state: 'visible' })
  await form.getByTestId('bays-book-length').selectOption('60')
  await form.getByLabel('A walk-in party').check()
  const walkIn = `Walter Walkin ${stamp()}`
  await form.getByTestId('bays-walk-in-name').fill(walkIn)
  await form.getByRole('button', { name: 'Book walk-in' }).click()
  const message = page.getByTestId('bays-message')
  await expect(message).toContainText(`Booked Bay 3 at ${at} for ${walkIn} (walk-in).`, { timeout: 15_000 })

  // Its details: the walk-in guest in the party with the fee due; check the party in.
  const details = page.getByTestId('bays-details')
  await details.waitFor({ state: 'visible' })
  const guestRow = details.getByTestId('bays-player').filter({ hasText: walkIn })
  await guestRow.waitFor({ state: 'visible' })
  assert.match(await guestRow.innerText(), /Guest/)
  assert.match(await guestRow.innerText(), /\$\d+\.\d{2} due/)
  await details.getByRole('button', { name: 'Check in the party' }).click()
  await expect(message).toContainText(/Checked in .+'s party: 1 player, 1 guest admitted today\./, { timeout: 15_000 })
  await expect(details.getByTestId('bays-details-status')).toContainText('checked in', { timeout: 15_000 })
  await shot(page, 'checked-in')

  // Move it to a bay that is free at the same time (the exclusion constraint decides on the server).
  const desk = await demoApi(baseURL, demoEmail(club.slug, 'frontdesk'))
  const found = await desk.get(
    `/api/reservations?where[notes][equals]=${encodeURIComponent(`Walk-in: ${walkIn}`)}&depth=0`,
  )
  assert.equal(found.body?.docs?.length, 1, `the walk-in reservation: ${JSON.stringify(found.body)}`)
  const reservation = found.body.docs[0]
  let target = ''
  for (const bay of ['Bay 4', 'Bay 5', 'Bay 2', 'Bay 1']) {
    if ((await page.getByRole('button', { name: `Book ${bay} at ${at}`, exact: true }).count()) > 0) {
      target = bay
      break
    }
  }
  assert.ok(target, `another bay is free at ${at}`)
  await details.getByTestId('bays-move-resource').selectOption({ label: target })
  await details.getByTestId('bays-move-start').selectOption({ label: at })
  await details.getByTestId('bays-move').click()
  await expect(message).toContainText(`to ${target} at ${at}.`, { timeout: 15_000 })
  const resources = await desk.get(
    `/api/facility-resources?where[tenant][equals]=${reservation.tenant}&where[name][equals]=${encodeURIComponent(target)}&depth=0`,
  )
  const moved = await desk.get(`/api/reservations/${reservation.id}?depth=0`)
  assert.equal(moved.body.resource, resources.body.docs[0].id, 'the reservation is on the new bay')
  assert.equal(moved.body.startAt, reservation.startAt, 'at the same time')
  assert.ok(moved.body.accessCode, 'it keeps its door code')
  await page
    .locator(`[data-testid="bays-reservation"][data-reservation="${reservation.id}"]`)
    .waitFor({ state: 'visible' })
  await shot(page, 'moved')
})
