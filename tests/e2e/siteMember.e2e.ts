/**
 * Member account, appointments and pricing on a tenant website (issue 5), in a browser against the
 * demo seed (seed/*Demo.ts): the front desk checks a member in on the admin check-in screen and
 * the member sees it; the account shows the membership, receipts (and a printable receipt page that
 * answers 404 to anyone else), credits and a private iCal link that can be renewed and turned off;
 * an appointment is booked from the free slots and cancelled; the pricing page lists plans and
 * packs and, when the desk-reservation endpoints are installed, reserves them for payment at the
 * desk. Run alone with `E2E_SPECS=site-member npm run test:e2e`.
 */
import assert from 'node:assert/strict'
import type { APIRequestContext, Page } from '@playwright/test'
import { DEMO_PASSWORD, DEMO_TENANTS, demoEmail } from '../../seed/demoTenants'
import { expectVisibleText, json, loginThroughForm, NARROW, restLogin, stamp, type E2EContext } from './harness'
import { test } from './fixtures'

const sunrise = DEMO_TENANTS.find((demo) => demo.slug === 'sunrise-yoga')!

const tenantId = async (api: APIRequestContext, baseURL: string, auth: Record<string, string>, slug: string) =>
  (
    await json<{ docs: { id: string }[] }>(
      await api.get(`${baseURL}/api/tenants?where[slug][equals]=${slug}&depth=0`, { headers: auth }),
      200,
      'tenant lookup',
    )
  ).docs[0].id

const fitsWidth = async (page: Page, width: number, what: string) => {
  const scroll = await page.evaluate(
    () => document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
  )
  assert.ok(scroll <= width, `${what} is ${scroll}px wide on a ${width}px viewport`)
}

/** Signs up a new member on the tenant's site, continuing to `next`. Returns the e-mail. */
const signUp = async (page: Page, baseURL: string, next: string, name: string) => {
  const email = `${name.split(' ')[0].toLowerCase()}-${stamp()}@example.test`
  await page.goto(`${baseURL}/${sunrise.slug}/signup?${new URLSearchParams({ next })}`)
  await page.getByLabel('Your name', { exact: true }).fill(name)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill('member-password-1')
  await Promise.all([
    page.waitForURL((url) => url.pathname === next),
    page.getByRole('button', { name: 'Create account' }).click(),
  ])
  return email
}

/** Logs in on the tenant site's own form, continuing to `next`. */
const siteLogin = async (page: Page, baseURL: string, email: string, next: string) => {
  await page.goto(`${baseURL}/${sunrise.slug}/login?${new URLSearchParams({ next })}`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await Promise.all([
    page.waitForURL((url) => url.pathname === next),
    page.getByRole('button', { name: 'Log in' }).click(),
  ])
}

const newPage = async (ctx: E2EContext, viewport = { width: 1400, height: 900 }) => {
  const context = await ctx.context.browser()!.newContext({ baseURL: ctx.baseURL, viewport })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  page.setDefaultNavigationTimeout(120_000)
  return { context, page }
}

/** The document title once Next has streamed the page's metadata (pages with a loading boundary get it after the shell). */
const titleOf = async (page: Page) => {
  await page.waitForFunction(() => document.title !== '')
  return page.title()
}

/** REST calls of a spec share the browser context's cookie jar: a REST login would sign the page in too. */
const signOutPage = async (page: Page) => page.context().clearCookies()

// Visible copies only: while the account page streams in, a section can briefly also sit in a hidden segment.
const text = async (page: Page, selector: string) =>
  (await page.locator(selector).filter({ visible: true }).innerText()).replace(/\s+/g, ' ')

// The member books on the site (390 px phone); the front desk checks them in on /admin/check-in/:classId.
test('site-member-check-in', async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  await page.setViewportSize(NARROW)
  const api = ctx.context.request
  const owner = await restLogin(api, baseURL, demoEmail(sunrise.slug, 'owner'))
  const tenant = await tenantId(api, baseURL, owner, sunrise.slug)
  const locations = await json<{ docs: { id: string }[] }>(
    await api.get(`${baseURL}/api/locations?where[tenant][equals]=${tenant}&sort=name&depth=0`, { headers: owner }),
    200,
    'locations',
  )
  const title = `Check-in class ${stamp()}`
  const startTime = new Date(Math.ceil((Date.now() + 20 * 60_000) / 60_000) * 60_000) // check-in opens 60 minutes before
  const created = await json<{ doc: { id: string } }>(
    await api.post(`${baseURL}/api/classes`, {
      headers: owner,
      data: {
        tenant,
        title,
        location: locations.docs[0].id,
        startTime: startTime.toISOString(),
        durationMinutes: 60,
        capacity: 5,
        waitlistCapacity: 2,
      },
    }),
    201,
    'creating the class',
  )
  const classPath = `/${sunrise.slug}/classes/${created.doc.id}`
  await signOutPage(page)

  const email = await signUp(page, baseURL, classPath, 'Cleo Checkin')
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'booked'),
    page.getByRole('button', { name: 'Book this class' }).click(),
  ])
  assert.equal(await text(page, '.booking-status'), 'Booked')
  await fitsWidth(page, NARROW.width, 'the class page')

  const desk = await newPage(ctx)
  try {
    await loginThroughForm({ ...ctx, page: desk.page, context: desk.context }, demoEmail(sunrise.slug, 'frontdesk'))
    await desk.page.goto(`${baseURL}/admin/check-in/${created.doc.id}`)
    await expectVisibleText(desk.page, `Check-in: ${title}`)
    await desk.page.getByLabel('Search the roster').fill(email.slice(0, 12))
    const row = desk.page.locator('[data-testid="roster-row"]').filter({ hasText: email })
    await row.waitFor({ state: 'visible' })
    await desk.page.getByRole('button', { name: `Mark ${email} present` }).click()
    await expectVisibleText(desk.page, `${email} is checked in.`)
    assert.match(await row.innerText(), /Present/)
  } finally {
    await desk.context.close().catch(() => undefined)
  }

  await page.goto(`${baseURL}/${sunrise.slug}/account`)
  const booking = page.locator('section[aria-labelledby=upcoming-title] .booking-row').filter({ hasText: title })
  assert.equal(await booking.getAttribute('data-status'), 'checked_in')
  assert.match(await booking.innerText(), /Checked in/)
  await fitsWidth(page, NARROW.width, 'the account page')
})

// With a claim window, a freed place is offered to the first on the waitlist, who claims it from the account.
test('site-member-claim-offer', { tag: '@shared' }, async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  const admin = await newPage(ctx)
  const api = admin.context.request
  const owner = await restLogin(api, baseURL, demoEmail(sunrise.slug, 'owner'))
  const tenant = await tenantId(api, baseURL, owner, sunrise.slug)
  const settings = (
    await json<{ docs: { id: string; bookings?: { claimWindowMinutes?: number | null } }[] }>(
      await api.get(`${baseURL}/api/tenant-settings?where[tenant][equals]=${tenant}&depth=0`, { headers: owner }),
      200,
      'settings',
    )
  ).docs[0]
  const before = settings.bookings?.claimWindowMinutes ?? 0
  await json(
    await api.patch(`${baseURL}/api/tenant-settings/${settings.id}`, {
      headers: owner,
      data: { bookings: { claimWindowMinutes: 30 } },
    }),
    200,
    'setting a claim window',
  )
  try {
    const locations = await json<{ docs: { id: string }[] }>(
      await api.get(`${baseURL}/api/locations?where[tenant][equals]=${tenant}&sort=name&depth=0`, {
        headers: owner,
      }),
      200,
      'locations',
    )
    const title = `Claim class ${stamp()}`
    const startTime = new Date(Math.ceil((Date.now() + 26 * 3_600_000) / 60_000) * 60_000)
    const created = await json<{ doc: { id: string } }>(
      await api.post(`${baseURL}/api/classes`, {
        headers: owner,
        data: {
          tenant,
          title,
          location: locations.docs[0].id,
          startTime: startTime.toISOString(),
          durationMinutes: 60,
          capacity: 1,
          waitlistCapacity: 3,
        },
      }),
      201,
      'creating the class',
    )
    const noah = await restLogin(api, baseURL, demoEmail(sunrise.slug, 'member2'))
    const taken = await json<{ booking: { id: string; status: string } }>(
      await api.post(`${baseURL}/api/classes/${created.doc.id}/book`, { headers: noah, data: {} }),
      201,
      'Noah takes the only place',
    )
    assert.equal(taken.booking.status, 'confirmed')

    const classPath = `/${sunrise.slug}/classes/${created.doc.id}`
    await signUp(page, baseURL, classPath, 'Wanda Waitlist')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'waitlisted'),
      page.getByRole('button', { name: 'Join the waitlist' }).click(),
    ])
    await json(
      await api.post(`${baseURL}/api/bookings/${taken.booking.id}/cancel`, { headers: noah, data: {} }),
      200,
      'Noah cancels',
    )

    await page.goto(`${baseURL}/${sunrise.slug}/account`)
    const row = page.locator('section[aria-labelledby=upcoming-title] .booking-row').filter({ hasText: title })
    assert.equal(await row.getAttribute('data-status'), 'offered')
    assert.match(await row.innerText(), /Place offered[\s\S]*claim it by/)
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'claimed'),
      row.getByRole('button', { name: 'Claim the place' }).click(),
    ])
    const claimed = page.locator('section[aria-labelledby=upcoming-title] .booking-row').filter({ hasText: title })
    assert.equal(await claimed.getAttribute('data-status'), 'confirmed')
    assert.match(await claimed.innerText(), /Booked/)
  } finally {
    await api
      .patch(`${baseURL}/api/tenant-settings/${settings.id}`, {
        headers: owner,
        data: { bookings: { claimWindowMinutes: before } },
      })
      .catch(() => undefined)
    await admin.context.close().catch(() => undefined)
  }
})

// Maya (demo member with an Unlimited membership paid at the desk) buys a pack at the POS, then checks her account on a phone.
test('site-member-account', async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  await page.setViewportSize(NARROW)
  const api = ctx.context.request
  const maya = demoEmail(sunrise.slug, 'member1')

  // The front desk sells Maya a 5-class pack at the POS (REST), so she has credits and an order.
  const desk = await restLogin(api, baseURL, demoEmail(sunrise.slug, 'frontdesk'))
  const tenant = await tenantId(api, baseURL, desk, sunrise.slug)
  const member = (
    await json<{ docs: { id: string }[] }>(
      await api.get(
        `${baseURL}/api/tenant-memberships?where[tenant][equals]=${tenant}&where[email][equals]=${encodeURIComponent(maya)}&depth=0`,
        { headers: desk },
      ),
      200,
      'member lookup',
    )
  ).docs[0]
  assert.ok(member, 'Maya is a member of sunrise-yoga')
  const pack = (
    await json<{ docs: { id: string }[] }>(
      await api.get(
        `${baseURL}/api/products?where[tenant][equals]=${tenant}&where[slug][equals]=five-class-pack&depth=0`,
        { headers: desk },
      ),
      200,
      'product lookup',
    )
  ).docs[0]
  const sale = await json<{ order: { id: string; number: string; total: number } }>(
    await api.post(`${baseURL}/api/orders/checkout`, {
      headers: desk,
      data: {
        tenant,
        member: member.id,
        lines: [{ product: pack.id, quantity: 1 }],
        payment: { provider: 'cash' },
      },
    }),
    201,
    'POS sale',
  )
  await signOutPage(page)

  await siteLogin(page, baseURL, maya, `/${sunrise.slug}/account`)
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
  const membership = await text(page, 'section[aria-labelledby=subscription-title]')
  assert.match(membership, /Unlimited/)
  assert.match(membership, /Active/)
  assert.match(membership, /\$149\.00 \/ month/)
  assert.match(membership, /Current period ends .+, then renews/)
  assert.match(
    membership,
    /ask at the front desk/,
    'without Stripe the member is told to change the membership at the desk',
  )
  assert.match(await text(page, 'section[aria-labelledby=credits-title]'), /5 class credits, expires/)

  const receipts = page.locator('section[aria-labelledby=receipts-title] tbody tr')
  const invoiceRow = receipts.and(page.locator('[data-kind=invoice]')).first()
  assert.match(await invoiceRow.innerText(), /INV-\d+[\s\S]*\$149\.00[\s\S]*Paid/)
  const orderRow = receipts.filter({ hasText: sale.order.number })
  assert.match(await orderRow.innerText(), /\$85\.00[\s\S]*Paid/)
  await fitsWidth(page, NARROW.width, 'the account page')

  // The printable receipt of the order; another member of the same studio gets a 404 for it.
  await Promise.all([
    page.waitForURL((url) => url.pathname.includes('/account/receipts/order/')),
    orderRow.getByRole('link', { name: sale.order.number }).click(),
  ])
  const receiptPath = new URL(page.url()).pathname
  await page.getByRole('heading', { level: 1, name: `Order ${sale.order.number}` }).waitFor()
  assert.equal(await text(page, '[data-testid=receipt-total]'), '$85.00')
  assert.match(await text(page, '.receipt-lines tbody'), /5-class pack 1 \$85\.00 \$85\.00/)
  assert.match(await titleOf(page), new RegExp(`^Order ${sale.order.number} · `))
  await page.getByRole('button', { name: 'Print' }).waitFor()
  await fitsWidth(page, NARROW.width, 'the receipt page')
  const other = await newPage(ctx)
  try {
    await siteLogin(other.page, baseURL, demoEmail(sunrise.slug, 'member2'), `/${sunrise.slug}/account`)
    const stranger = await other.page.goto(`${baseURL}${receiptPath}`)
    assert.equal(stranger?.status(), 404, "another member's receipt must answer 404")
    await other.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor()
    assert.doesNotMatch(await other.page.locator('main').innerText(), new RegExp(sale.order.number))
  } finally {
    await other.context.close().catch(() => undefined)
  }

  // Private calendar feed: issued, renewed (the old link stops working), turned off.
  await page.goto(`${baseURL}/${sunrise.slug}/account`)
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'calendar'),
    page.getByRole('button', { name: 'Get my calendar link' }).click(),
  ])
  const first = await page.getByLabel('Calendar link').inputValue()
  assert.match(first, /\/api\/ical\/member\/[A-Za-z0-9_-]+\.ics$/)
  assert.equal(
    await page.getByRole('link', { name: 'Open in my calendar app' }).getAttribute('href'),
    first.replace(/^https?:/, 'webcal:'),
  )
  const feed = await api.get(first)
  assert.equal(feed.status(), 200)
  assert.match(feed.headers()['content-type'] ?? '', /text\/calendar/)
  assert.match(await feed.text(), /BEGIN:VCALENDAR/)
  await fitsWidth(page, NARROW.width, 'the account page with the calendar link')
  await page.getByRole('button', { name: 'Make a new link' }).click()
  await page.waitForFunction(
    (old) => (document.getElementById('calendar-url') as HTMLInputElement | null)?.value !== old,
    first,
  )
  const second = await page.getByLabel('Calendar link').inputValue()
  assert.notEqual(second, first)
  assert.equal((await api.get(first)).status(), 404, 'the replaced link still works')
  assert.equal((await api.get(second)).status(), 200)
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'calendar_off'),
    page.getByRole('button', { name: 'Turn my calendar link off' }).click(),
  ])
  assert.equal(await page.getByLabel('Calendar link').count(), 0, 'the link is still shown after turning it off')
  assert.equal((await api.get(second)).status(), 404, 'the turned-off link still works')
})

// A new member books a private session from the free slots, sees it in the account and cancels it.
test('site-member-appointments', async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  const list = `/${sunrise.slug}/appointments`
  await signUp(page, baseURL, list, 'Abel Appointment')
  assert.equal(await titleOf(page), `Appointments · ${sunrise.name}`)

  // Another tenant's service id in this tenant's URL answers 404.
  const fairway = (
    await json<{ docs: { id: string; tenant: string }[] }>(
      await ctx.context.request.get(
        `${baseURL}/api/appointment-services?where[title][equals]=Private%20session&limit=10&depth=0`,
      ),
      200,
      'services',
    )
  ).docs
  const sunriseTenant = await tenantId(ctx.context.request, baseURL, {}, sunrise.slug)
  const foreign = fairway.find((service) => service.tenant !== sunriseTenant)
  assert.ok(foreign, 'another tenant has a Private session')
  const response = await page.goto(`${baseURL}/${sunrise.slug}/appointments/${foreign.id}`)
  assert.equal(response?.status(), 404)

  await page.goto(`${baseURL}${list}`)
  await page.getByRole('link', { name: 'Private session', exact: true }).click()
  await page.getByRole('heading', { level: 1, name: 'Private session' }).waitFor()
  assert.match(await titleOf(page), /^Book Private session · /)
  assert.match(await text(page, '.facts'), /60 minutes[\s\S]*\$75\.00/)
  // Look up to four weeks ahead for a week with free times (the demo provider works Mon–Fri).
  for (let week = 0; week < 4 && (await page.locator('.slot').count()) === 0; week++) {
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('day')),
      page.getByRole('link', { name: 'Later →' }).click(),
    ])
  }
  const servicePage = page.url()
  const slot = page.locator('.slot').first()
  const value = await slot.locator('input').getAttribute('value')
  const chosen = (await slot.locator('label').innerText()).replace(/\s+/g, ' ')
  assert.match(chosen, /^\d{1,2}:\d{2} [AP]M E[SD]T$/, `slot label ${chosen} is in the location's zone`)
  await slot.locator('label').click()
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'appointment'),
    page.getByRole('button', { name: 'Book this time' }).click(),
  ])
  const row = page.locator('.appointment-row').filter({ hasText: 'Private session' })
  await row.waitFor({ state: 'visible' })
  assert.match(await row.innerText(), /with Ines Instructor/)
  assert.ok(
    (await row.innerText()).replace(/\s+/g, ' ').includes(chosen.replace(/ E[SD]T$/, '')),
    `the account shows the booked time ${chosen}`,
  )

  // The slot is taken: it is gone from the service page until cancelled.
  await page.goto(servicePage)
  await page.getByRole('heading', { level: 1, name: 'Private session' }).waitFor()
  assert.equal(await page.locator(`.slot input[value="${value}"]`).count(), 0, 'the booked slot is still offered')
  await page.goto(`${baseURL}/${sunrise.slug}/account`)
  const cancel = page
    .locator('.appointment-row')
    .filter({ hasText: 'Private session' })
    .getByRole('link', { name: /^Cancel Private session/ })
  await Promise.all([page.waitForURL((url) => url.searchParams.has('cancelAppointment')), cancel.click()])
  const confirm = page.getByRole('group', { name: 'Cancel this appointment?' })
  assert.match(await confirm.innerText(), /no cancellation fee/)
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'appointment_cancelled'),
    confirm.getByRole('button', { name: 'Yes, cancel the appointment' }).click(),
  ])
  assert.equal(await page.locator('.appointment-row').count(), 0)
  await page.goto(servicePage)
  assert.equal(await page.locator(`.slot input[value="${value}"]`).count(), 1, 'the cancelled slot is free again')
})

// The pricing page on a phone: plans and packs; reserved for the desk when the reserve endpoints exist.
test('site-member-pricing', async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  await page.setViewportSize(NARROW)
  const pricing = `/${sunrise.slug}/pricing`
  await page.goto(`${baseURL}${pricing}`)
  assert.equal(await titleOf(page), `Pricing · ${sunrise.name}`)
  const plan = page.locator('.plan-card').filter({ hasText: '8 classes a month' })
  assert.match(await plan.innerText(), /\$99\.00[\s\S]*month/)
  assert.match(await plan.innerText(), /8 classes each month/)
  assert.match(await plan.innerText(), /2 credits each period, valid 31 days/)
  const pack = page.locator('.product-card').filter({ hasText: '5-class pack' })
  assert.match(await pack.innerText(), /5 class credits, valid 90 days[\s\S]*\$85\.00/)
  assert.equal(
    await page.locator('.product-card').filter({ hasText: 'Water bottle' }).count(),
    0,
    'retail items are sold at the desk only',
  )
  await fitsWidth(page, NARROW.width, 'the pricing page')
  await signUp(page, baseURL, pricing, 'Pia Pricing')
  await plan.locator('.price-row').first().locator('form, a, .hint').first().waitFor() // the page streams after its loading state

  const reservePlan = plan.getByRole('button', { name: /^Reserve 8 classes a month/ })
  const reservePack = pack.getByRole('button', { name: /^Reserve 5-class pack/ })
  await Promise.all([page.waitForURL((url) => url.searchParams.get('done') === 'reserved_plan'), reservePlan.click()])
  assert.match(
    await text(page, 'section[aria-labelledby=subscription-title]'),
    /8 classes a month[\s\S]*Reserved – pay at the front desk/,
  )
  const invoice = page.locator('section[aria-labelledby=receipts-title] tbody tr[data-kind=invoice]').first()
  assert.match(await invoice.innerText(), /INV-\d+[\s\S]*\$99\.00[\s\S]*To pay[\s\S]*pay at the front desk/)
  await fitsWidth(page, NARROW.width, 'the account page with a reservation')

  // The front desk takes the payment (its own session): the membership starts and grants its credits.
  const invoiceId = (await invoice.getByRole('link').getAttribute('href'))!.split('/').pop()!
  const desk = await newPage(ctx)
  try {
    const auth = await restLogin(desk.context.request, baseURL, demoEmail(sunrise.slug, 'frontdesk'))
    await json(
      await desk.context.request.post(`${baseURL}/api/invoices/${invoiceId}/pay`, {
        headers: auth,
        data: { provider: 'terminal' },
      }),
      200,
      'paying the invoice at the desk',
    )
  } finally {
    await desk.context.close().catch(() => undefined)
  }
  await page.reload()
  assert.match(
    await text(page, 'section[aria-labelledby=subscription-title]'),
    /8 classes a month[\s\S]*Active[\s\S]*Current period ends/,
  )
  assert.match(await text(page, 'section[aria-labelledby=credits-title]'), /2 class credits/)
  assert.match(
    await page.locator('section[aria-labelledby=receipts-title] tbody tr[data-kind=invoice]').first().innerText(),
    /Paid/,
  )
  await page.goto(`${baseURL}${pricing}`)
  await Promise.all([page.waitForURL((url) => url.searchParams.get('done') === 'reserved_order'), reservePack.click()])
  const order = page.locator('section[aria-labelledby=receipts-title] tbody tr[data-kind=order]').first()
  assert.match(await order.innerText(), /\$85\.00[\s\S]*To pay/)
  await Promise.all([
    page.waitForURL((url) => url.pathname.includes('/account/receipts/order/')),
    order.getByRole('link').click(),
  ])
  assert.match(await text(page, '.warning'), /please pay \$85\.00 at the front desk/)
  await fitsWidth(page, NARROW.width, 'the receipt page')
})
