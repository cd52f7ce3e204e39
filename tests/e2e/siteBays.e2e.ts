/**
 * Booking a bay on the golf club's site (issue 15), in a browser against the demo seed
 * (seed/facilityDemo.ts): a new member on a phone picks a free start on the day's bay grid, a
 * length and a guest, sees each player's fee before booking, books, finds the door code on the
 * account page, and the front desk finds the reservation in the admin; then the member cancels,
 * told first what they get back, and the door code is gone. Run alone with
 * `E2E_SPECS=site-bays npm run test:e2e`.
 */
import assert from 'node:assert/strict'
import { DEMO_TENANTS, demoEmail } from '../../seed/demoTenants'
import { demoApi, expectVisibleText, fitsWidth, NARROW, siteSignUp } from './harness'
import { test } from './fixtures'

const club = DEMO_TENANTS.find((demo) => demo.slug === 'fairway-club')!

test('site-bays-book-and-cancel', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL } = ctx
  await page.setViewportSize(NARROW)
  const bays = `/${club.slug}/bays`
  await siteSignUp(page, baseURL, club.slug, bays, 'Gwen Golfer')
  await expectVisibleText(page, 'Book a bay')
  await fitsWidth(page, NARROW.width, 'the bay grid')

  // Tomorrow (the second day tab): the first free start of Bay 1, an hour, one guest.
  await page.getByRole('navigation', { name: 'Days' }).getByRole('link').nth(1).click()
  await page.waitForURL((url) => url.searchParams.has('date'))
  const bay = page.getByRole('group', { name: /^Bay 1\b/ })
  const free = bay.locator('.slot:has(input:not([disabled])) label')
  assert.ok((await free.count()) > 0, 'Bay 1 has free starts tomorrow')
  const start = await free.first().locator('time').getAttribute('datetime')
  await free.first().click()
  await page.getByLabel('Length').selectOption('60')
  await page.getByLabel('Guest 1 name (optional)').fill('Greta Guest')
  await page.getByRole('button', { name: 'See the price' }).click()

  await expectVisibleText(page, 'Confirm your bay')
  const fees = page.locator('table.fee-lines')
  await expectVisibleText(fees, 'Greta Guest')
  await expectVisibleText(fees, 'Guest fee')
  const total = (await fees.locator('tfoot td').innerText()).trim()
  assert.match(total, /^\$\d+\.\d{2}$/, `a total in dollars (${total})`)
  await fitsWidth(page, NARROW.width, 'the price')
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'bay_booked'),
    page.getByRole('button', { name: `Book for ${total}` }).click(),
  ])
  await expectVisibleText(page, 'Your bay is booked. Your door code is below.')
  const row = page.locator('.bay-row').filter({ hasText: 'Bay 1' })
  const code = (await row.locator('.door-code .code').innerText()).trim()
  assert.match(code, /^\d{6}$/, 'a six-digit door code')
  assert.equal(await row.locator('time').first().getAttribute('datetime'), start)
  await fitsWidth(page, NARROW.width, 'the account page')

  // The front desk sees it, with the guest, and the door opens with its code at the start.
  const desk = await demoApi(baseURL, demoEmail(club.slug, 'frontdesk'))
  const found = await desk.get(`/api/reservations?where[accessCode][equals]=${code}&depth=0`)
  assert.equal(found.status, 200)
  assert.equal(found.body.docs.length, 1, 'the desk finds the reservation by its door code')
  const reservation = found.body.docs[0]
  const party = await desk.get(`/api/reservation-participants?where[reservation][equals]=${reservation.id}&depth=0`)
  assert.deepEqual(party.body.docs.map((p: { participantType: string }) => p.participantType).sort(), [
    'guest',
    'owner',
  ])
  const door = await desk.post('/api/reservations/access-check', {
    tenant: reservation.tenant,
    code,
    at: start,
  })
  assert.equal(door.body.valid, true, JSON.stringify(door.body))

  // Cancelling states the refund first; afterwards the code no longer opens the door.
  await row.getByRole('link', { name: /^Cancel Bay 1/ }).click()
  const confirm = page.getByRole('group', { name: 'Cancel this reservation?' })
  assert.match(
    await confirm.innerText(),
    /Nothing has been charged, so you owe nothing; the \$\d+\.\d{2} fee is dropped\./,
  )
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'bay_cancelled'),
    page.getByRole('button', { name: 'Yes, cancel the reservation' }).click(),
  ])
  await expectVisibleText(page, 'Your bay reservation is cancelled.')
  assert.equal(await page.locator('.bay-row').filter({ hasText: code }).count(), 0)
  const after = await desk.post('/api/reservations/access-check', {
    tenant: reservation.tenant,
    code,
    at: start,
  })
  assert.equal(after.body.valid, false)
})
