/**
 * A member books a bay with a guest on the golf club's site and pays the fee, and the front desk
 * checks the guest in (issue 15), in a browser against the demo seed (seed/facilityDemo.ts): a new
 * member on a phone (390 px) books an hour of Bay 5 tomorrow with a guest, sees each player's fee
 * before booking, and tries to pay online — the demo club takes no online payments, so the page
 * says to pay at the club (the demo's offline default). The front desk (1,400 px) opens the
 * reservation on the bay grid, takes the fee in cash (commerce's desk payment: the fee is paid
 * and frozen once `order.paid` is handled), and checks the party in, guest included; the member's
 * account page then shows the fee paid. Run alone with
 * `E2E_RETRIES=0 npx playwright test --project=main --grep site-bays-guest-pays`.
 */
import assert from 'node:assert/strict'
import { DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail } from '../../seed/demoTenants'
import { demoApi, expectVisibleText, fitsWidth, loginThroughForm, NARROW, siteSignUp, stamp } from './harness'
import { expect, test } from './fixtures'

const club = DEMO_TENANTS.find((demo) => demo.slug === 'fairway-club')!
const tomorrow = () => {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: club.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date())
  return new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

test('site-bays-guest-pays-and-desk-checks-in', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL } = ctx
  await page.setViewportSize(NARROW)
  const bays = `/${club.slug}/bays`
  const member = `Pia Payer ${stamp()}`
  const guest = `Gia Guest ${stamp()}`
  await siteSignUp(page, baseURL, club.slug, bays, member)
  await expectVisibleText(page, 'Book a bay')

  // Tomorrow, Bay 5's last free start (other specs take Bay 1 and Bay 3), an hour, one guest.
  await page.getByRole('navigation', { name: 'Days' }).getByRole('link').nth(1).click()
  await page.waitForURL((url) => url.searchParams.has('date'))
  const free = page.getByRole('group', { name: /^Bay 5\b/ }).locator('.slot:has(input:not([disabled])) label')
  assert.ok((await free.count()) > 0, 'Bay 5 has free starts tomorrow')
  await free.last().click()
  await page.getByLabel('Length').selectOption('60')
  await page.getByLabel('Guest 1 name (optional)').fill(guest)
  await page.getByRole('button', { name: 'See the price' }).click()

  // The fee, per player, before booking: the guest's share and guest fee.
  await expectVisibleText(page, 'Confirm your bay')
  const fees = page.locator('table.fee-lines')
  await expectVisibleText(fees, guest)
  await expectVisibleText(fees, 'Guest fee')
  const total = (await fees.locator('tfoot td').innerText()).trim()
  assert.match(total, /^\$\d+\.\d{2}$/, `a total in dollars (${total})`)
  assert.notEqual(total, '$0.00', 'a fee to pay')
  await fitsWidth(page, NARROW.width, 'the price')
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'bay_booked'),
    page.getByRole('button', { name: `Book for ${total}` }).click(),
  ])
  const row = page.locator('.bay-row').filter({ hasText: 'Bay 5' })
  await expect(row).toContainText(`${total} to pay`)
  const code = (await row.locator('.door-code .code').innerText()).trim()

  // Paying online: the demo club takes no online payments, so the page says to pay at the club.
  await Promise.all([
    page.waitForURL((url) => url.searchParams.has('error')),
    row.getByRole('button', { name: new RegExp(`^Pay \\${total} online for Bay 5`) }).click(),
  ])
  await expect(page.getByText(/pay at the (front desk|club)/).first()).toBeVisible()
  await fitsWidth(page, NARROW.width, 'the account page')

  // The reservation, found by its door code.
  const deskEmail = demoEmail(club.slug, 'frontdesk')
  const deskApi = await demoApi(baseURL, deskEmail)
  const found = await deskApi.get(`/api/reservations?where[accessCode][equals]=${code}&depth=0`)
  assert.equal(found.body?.docs?.length, 1, `the reservation by its door code: ${JSON.stringify(found.body)}`)
  const reservation = found.body.docs[0]

  // The front desk, at its own screen: the reservation on the bay grid with the guest's fee due.
  const deskContext = await ctx.context.browser()!.newContext({ viewport: { width: 1400, height: 900 } })
  const desk = await deskContext.newPage()
  await loginThroughForm({ ...ctx, page: desk, context: deskContext }, deskEmail)
  await desk.goto(`${baseURL}/admin/bays?${new URLSearchParams({ date: tomorrow(), reservation: reservation.id })}`)
  await desk.getByTestId('bays-grid').waitFor({ state: 'visible' })
  await expect(desk.locator(`[data-testid="bays-reservation"][data-reservation="${reservation.id}"]`)).toBeVisible()
  const details = desk.getByTestId('bays-details')
  await details.waitFor({ state: 'visible' })
  const guestRow = details.getByTestId('bays-player').filter({ hasText: guest })
  await expect(guestRow).toContainText(/Guest/)
  await expect(guestRow).toContainText(/\$\d+\.\d{2} due/)

  // The desk takes the fee in cash (commerce's desk payment); order.paid marks the fee paid.
  await details.getByTestId('bays-pay-cash').click()
  const message = desk.getByTestId('bays-message')
  await expect(message).toContainText(new RegExp(`Took \\${total} in cash for .+'s reservation \\(order .+\\)\\.`), {
    timeout: 15_000,
  })
  const admin = await demoApi(baseURL, PLATFORM_ADMIN_EMAIL)
  await expect(async () => {
    await admin.get('/api/payload-jobs/run?allQueues=true&limit=200')
    const snapshot = await deskApi.get(`/api/fee-snapshots?where[reservation][equals]=${reservation.id}&depth=0`)
    const statuses = (snapshot.body?.docs ?? []).map((doc: { status: string }) => doc.status)
    assert.ok(statuses.includes('paid'), `the fee is paid (${statuses.join(', ')})`)
  }).toPass({ timeout: 60_000 })

  // Reloaded: paid; check the party in, the guest admitted today.
  await desk.reload()
  await details.waitFor({ state: 'visible' })
  await expect(details.getByTestId('bays-player').filter({ hasText: guest })).toContainText(/\$\d+\.\d{2} paid/)
  await details.getByRole('button', { name: 'Check in the party' }).click()
  await expect(message).toContainText(/Checked in .+'s party: 2 players, 1 guest admitted today\./, {
    timeout: 15_000,
  })
  await expect(details.getByTestId('bays-details-status')).toContainText('checked in', { timeout: 15_000 })
  await deskContext.close()

  // The member's account page shows the fee paid, nothing left to pay online.
  await page.goto(`${baseURL}/${club.slug}/account`)
  const paidRow = page.locator('.bay-row').filter({ hasText: code })
  await expect(paidRow).toContainText(`${total} paid`)
  assert.equal(await paidRow.getByRole('button', { name: /^Pay / }).count(), 0, 'no Pay online once paid')
  await fitsWidth(page, NARROW.width, 'the account page, paid')
})
