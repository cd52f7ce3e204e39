/**
 * Member flows on a tenant website (issue 5), at desktop width and on a 390 px phone: a visitor
 * opens the schedule, signs up, books, sees the booking in the account and cancels after the
 * late-cancel fee preview; a second member fills the last place, a third lands on the waitlist and
 * is promoted when a place frees; the front desk signs into /admin and checks the first member in.
 * Also: password reset by mail, an account of another tenant joining, tenant isolation by URL
 * editing, and tenant resolution by host. Demo data from seed/demoTenants.ts; each flow creates
 * its own class (capacity 2, starting in 45 minutes) as the owner over REST.
 */
import assert from 'node:assert/strict'
import http from 'node:http'
import type { BrowserContext, Page } from '@playwright/test'
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail } from '../../seed/demoTenants'
import { expectNoText, json, loginThroughForm, NARROW, readMailTo, restLogin, stamp, type E2EContext } from './harness'
import { test } from './fixtures'

const sunrise = DEMO_TENANTS.find((demo) => demo.slug === 'sunrise-yoga')!
const fairway = DEMO_TENANTS.find((demo) => demo.slug === 'fairway-club')!

/** As the owner, over REST: a class of `slug` starting in 45 minutes, 2 places, 5 on the waitlist; and a $5 late-cancel fee. */
const createSmallClass = async (ctx: E2EContext, slug: string, title: string) => {
  const api = ctx.context.request
  const auth = await restLogin(api, ctx.baseURL, demoEmail(slug, 'owner'))
  const tenants = await json<{ docs: { id: string }[] }>(
    await api.get(`${ctx.baseURL}/api/tenants?where[slug][equals]=${slug}&depth=0`, { headers: auth }),
    200,
    'tenant lookup',
  )
  const tenant = tenants.docs[0].id
  const locations = await json<{ docs: { id: string }[] }>(
    await api.get(`${ctx.baseURL}/api/locations?where[tenant][equals]=${tenant}&sort=name&depth=0`, { headers: auth }),
    200,
    'locations',
  )
  const startTime = new Date(Date.now() + 45 * 60_000)
  startTime.setUTCSeconds(0, 0)
  const created = await json<{ doc: { id: string } }>(
    await api.post(`${ctx.baseURL}/api/classes`, {
      headers: auth,
      data: {
        tenant,
        title,
        location: locations.docs[0].id,
        startTime: startTime.toISOString(),
        durationMinutes: 60,
        capacity: 2,
        waitlistCapacity: 5,
      },
    }),
    201,
    'creating the class',
  )
  const settings = await json<{ docs: { id: string }[] }>(
    await api.get(`${ctx.baseURL}/api/tenant-settings?where[tenant][equals]=${tenant}&depth=0`, { headers: auth }),
    200,
    'settings',
  )
  await json(
    await api.patch(`${ctx.baseURL}/api/tenant-settings/${settings.docs[0].id}`, {
      headers: auth,
      data: {
        bookings: {
          lateCancelFee: { amount: 500, currency: 'USD' },
          freeLateCancelsPerMonth: 0,
          lateCancelMinutes: 720,
        },
      },
    }),
    200,
    'setting the late-cancel fee',
  )
  return { id: created.doc.id, startTime, tenant }
}

/** The week parameter for the class's local date (the schedule normalises any date to its Monday). */
const weekOf = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  )

const newMemberContext = async (
  ctx: E2EContext,
  viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await ctx.context
    .browser()!
    .newContext({ baseURL: ctx.baseURL, viewport: viewport ?? { width: 1400, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(60_000)
  page.setDefaultNavigationTimeout(120_000)
  return { context, page }
}

const fitsWidth = async (page: Page, width: number, what: string) => {
  const scroll = await page.evaluate(
    () => document.scrollingElement?.scrollWidth ?? document.documentElement.scrollWidth,
  )
  assert.ok(scroll <= width, `${what} is ${scroll}px wide on a ${width}px viewport`)
}

/** Logs in on the tenant site's own form, continuing to `next`. */
const siteLogin = async (
  page: Page,
  baseURL: string,
  slug: string,
  email: string,
  next: string,
  password = DEMO_PASSWORD,
) => {
  await page.goto(`${baseURL}/${slug}/login?${new URLSearchParams({ next })}`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await Promise.all([
    page.waitForURL((url) => !url.pathname.endsWith('/login') || url.searchParams.has('error')),
    page.getByRole('button', { name: 'Log in' }).click(),
  ])
}

const statusText = async (page: Page) => (await page.locator('.booking-status').innerText()).replace(/\s+/g, ' ')

const memberFlow = (narrow: boolean) => async (ctx: E2EContext) => {
  const { page, baseURL } = ctx
  const viewport = narrow ? NARROW : undefined
  if (viewport) await page.setViewportSize(viewport)
  const title = `Small Group ${stamp()}`
  const klass = await createSmallClass(ctx, sunrise.slug, title)
  await page.context().clearCookies()
  const classPath = `/${sunrise.slug}/classes/${klass.id}`

  // 1. The visitor finds the class on the schedule, in the location's zone, and opens it.
  await page.goto(`${baseURL}/${sunrise.slug}/schedule?week=${weekOf(klass.startTime, 'America/New_York')}`)
  const row = page.locator('.class-row').filter({ hasText: title })
  await row.waitFor({ state: 'visible' })
  assert.match(await row.locator('.class-time').innerText(), /E[SD]T$/)
  await Promise.all([
    page.waitForURL((url) => url.pathname === classPath),
    row.getByRole('link', { name: title }).click(),
  ])
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
  assert.match(await page.title(), new RegExp(`^${title}, .+ · ${sunrise.name.replace(/[&]/g, '\\$&')}$`))
  assert.match(await page.locator('.facts').innerText(), /2 spots left/)
  if (narrow) await fitsWidth(page, NARROW.width, 'the class page')

  // 2. Signs up from the class page and comes back to it as a member of this tenant.
  const email = `visitor-${stamp()}@example.test`
  await page.getByRole('link', { name: 'create an account' }).click()
  await page.getByRole('heading', { level: 1, name: `Join ${sunrise.name}` }).waitFor()
  if (narrow) await fitsWidth(page, NARROW.width, 'the sign-up page')
  await page.getByLabel('Your name', { exact: true }).fill('Vera Visitor')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill('visitor-password-1')
  await Promise.all([
    page.waitForURL((url) => url.pathname === classPath),
    page.getByRole('button', { name: 'Create account' }).click(),
  ])

  // 3. Books: confirmed.
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'booked'),
    page.getByRole('button', { name: 'Book this class' }).click(),
  ])
  assert.equal(await statusText(page), 'Booked')
  assert.match(await page.locator('.facts').innerText(), /1 spot left/)

  // 4. Sees it in the account.
  await page.getByRole('link', { name: 'Account' }).click()
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
  const upcoming = page
    .locator('section[aria-labelledby=upcoming-title] .booking-row')
    .filter({ hasText: title, visible: true })
  assert.match(await upcoming.innerText(), /Booked/)
  if (narrow) await fitsWidth(page, NARROW.width, 'the account page')

  // 5. Cancels: the preview shows the late cancel and its fee before anything changes.
  await page.goto(`${baseURL}${classPath}`)
  await page.getByRole('link', { name: 'Cancel booking…' }).click()
  const confirm = page.locator('.confirm')
  await confirm.waitFor()
  const terms = (await confirm.innerText()).replace(/\s+/g, ' ')
  assert.match(terms, /late cancellation/)
  assert.match(terms, /\$5\.00/)
  assert.equal(await statusText(page), 'Booked', 'the preview changed the booking')
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'late_cancelled'),
    page.getByRole('button', { name: 'Yes, cancel my booking' }).click(),
  ])
  assert.match(await page.locator('.facts').innerText(), /2 spots left/)
  await page.goto(`${baseURL}/${sunrise.slug}/account`)
  assert.match(
    await page.locator('.booking-row').filter({ hasText: title, visible: true }).first().innerText(),
    /Late cancelled/,
  )

  // 6. Books again (place 1 of 2); a second member takes the last place; a third is waitlisted.
  await page.goto(`${baseURL}${classPath}`)
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'booked'),
    page.getByRole('button', { name: 'Book this class' }).click(),
  ])
  const cancelHref = await page.getByRole('link', { name: 'Cancel booking…' }).getAttribute('href')
  const firstBooking = new URL(cancelHref!, baseURL).searchParams.get('cancel')!

  const second = await newMemberContext(ctx, viewport)
  const third = await newMemberContext(ctx, viewport)
  const frontDesk = await newMemberContext(ctx)
  try {
    await siteLogin(second.page, baseURL, sunrise.slug, demoEmail(sunrise.slug, 'member1'), classPath)
    await Promise.all([
      second.page.waitForURL((url) => url.searchParams.get('done') === 'booked'),
      second.page.getByRole('button', { name: 'Book this class' }).click(),
    ])
    assert.equal(await statusText(second.page), 'Booked')
    assert.match(await second.page.locator('.facts').innerText(), /Full – 0 on the waitlist/)

    await siteLogin(third.page, baseURL, sunrise.slug, demoEmail(sunrise.slug, 'member2'), classPath)
    await Promise.all([
      third.page.waitForURL((url) => url.searchParams.get('done') === 'waitlisted'),
      third.page.getByRole('button', { name: 'Join the waitlist' }).click(),
    ])
    assert.equal(await statusText(third.page), 'On the waitlist – you are number 1 on the waitlist')
    await third.page.goto(`${baseURL}/${sunrise.slug}/account`)
    assert.match(
      await third.page.locator('.booking-row').filter({ hasText: title, visible: true }).innerText(),
      /On the waitlist · #1/,
    )

    // 7. The second member cancels (late, with the fee shown): the third is promoted.
    await second.page.getByRole('link', { name: 'Cancel booking…' }).click()
    assert.match(await second.page.locator('.confirm').innerText(), /\$5\.00/)
    await Promise.all([
      second.page.waitForURL((url) => url.searchParams.get('done') === 'late_cancelled'),
      second.page.getByRole('button', { name: 'Yes, cancel my booking' }).click(),
    ])
    await third.page.goto(`${baseURL}${classPath}`)
    assert.equal(await statusText(third.page), 'Booked', 'the waitlisted member was not promoted')

    // 8. The front desk signs into /admin and checks the first member in (REST from the admin session).
    await loginThroughForm(
      { ...ctx, page: frontDesk.page, context: frontDesk.context },
      demoEmail(sunrise.slug, 'frontdesk'),
    )
    // (No admin check-in screen exists yet: the browser posts to the REST endpoint with the admin session's cookie.)
    const checkIn = await frontDesk.page.evaluate(async (url) => {
      const response = await fetch(url, { method: 'POST', credentials: 'include' })
      return { status: response.status, body: await response.text() }
    }, `${baseURL}/api/bookings/${firstBooking}/check-in`)
    assert.equal(checkIn.status, 200, `check-in answered ${checkIn.status}: ${checkIn.body}`)
    assert.equal((JSON.parse(checkIn.body) as { booking: { status: string } }).booking.status, 'checked_in')
  } finally {
    for (const other of [second, third, frontDesk]) await other.context.close().catch(() => undefined)
  }

  // The account lists both of the visitor's bookings of the class: the late-cancelled one and the checked-in one.
  await page.goto(`${baseURL}/${sunrise.slug}/account`)
  const rows = page
    .locator('section[aria-labelledby=upcoming-title] .booking-row')
    .filter({ hasText: title, visible: true })
  // The account page streams its sections: wait for both rows before reading them.
  await rows.nth(1).waitFor()
  assert.deepEqual((await rows.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-status')))).sort(), [
    'checked_in',
    'late_cancelled',
  ])
  assert.match(await rows.and(page.locator('[data-status=checked_in]')).innerText(), /Checked in/)
  if (narrow) await fitsWidth(page, NARROW.width, 'the account page')
}

/** A plain HTTP GET to the app with a chosen Host header (what a tenant's own domain sends). */
const getWithHost = (baseURL: string, host: string, path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(baseURL)
    const request = http.get({ hostname: '127.0.0.1', port: url.port, path, headers: { host } }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
    })
    request.on('error', reject)
    request.setTimeout(120_000, () => request.destroy(new Error(`GET ${host}${path} timed out`)))
  })

test('site-flows-member', async ({ ctx }) => {
  test.setTimeout(420_000)
  await memberFlow(false)(ctx)
})

test('site-flows-member-narrow', async ({ ctx }) => {
  test.setTimeout(420_000)
  await memberFlow(true)(ctx)
})

test('site-flows-password-reset', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL } = ctx
  const email = `reset-${stamp()}@example.test`
  await page.goto(`${baseURL}/${sunrise.slug}/signup`)
  await page.getByLabel('Your name', { exact: true }).fill('Rita Reset')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill('first-password-1')
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith('/account')),
    page.getByRole('button', { name: 'Create account' }).click(),
  ])
  await Promise.all([
    page.waitForURL((url) => url.searchParams.has('signedOut')),
    page.getByRole('button', { name: 'Log out' }).click(),
  ])
  assert.equal(await page.getByRole('link', { name: 'Account' }).count(), 0, 'still signed in after logging out')

  await page.goto(`${baseURL}/${sunrise.slug}/forgot`)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await Promise.all([
    page.waitForURL((url) => url.searchParams.has('sent')),
    page.getByRole('button', { name: 'Send me a link' }).click(),
  ])
  const mail = await readMailTo(email, 30_000, /password/i) // ---- email verification ---- not the verification mail
  const link = /https?:\/\/\S+\/sunrise-yoga\/reset\?token=[A-Za-z0-9]+/.exec(mail.text)?.[0]
  assert.ok(link, `no reset link in the mail: ${mail.text}`)
  await page.goto(link.replace(/^https?:\/\/[^/]+/, baseURL))
  await page.getByLabel('New password', { exact: true }).fill('second-password-2')
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'password'),
    page.getByRole('button', { name: 'Save the new password' }).click(),
  ])
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()

  // The link works once; the new password works, the old one does not.
  await page.context().clearCookies()
  await page.goto(link.replace(/^https?:\/\/[^/]+/, baseURL))
  await page.getByLabel('New password', { exact: true }).fill('third-password-3')
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('error') === 'invalid_token'),
    page.getByRole('button', { name: 'Save the new password' }).click(),
  ])
  await siteLogin(page, baseURL, sunrise.slug, email, `/${sunrise.slug}/account`, 'first-password-1')
  assert.equal(new URL(page.url()).searchParams.get('error'), 'invalid_credentials')
  await siteLogin(page, baseURL, sunrise.slug, email, `/${sunrise.slug}/account`, 'second-password-2')
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()

  // Profile and marketing consents (core `consents`: opt in adds a row, opt out revokes it).
  await page.getByLabel('Phone', { exact: true }).fill('+1 212 555 0100')
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'profile'),
    page.getByRole('button', { name: 'Save details' }).click(),
  ])
  assert.equal(await page.getByLabel('Phone', { exact: true }).inputValue(), '+1 212 555 0100')
  await page.goto(`${baseURL}/${sunrise.slug}/account`)
  await page.getByLabel('Email', { exact: true }).check()
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'consents'),
    page.getByRole('button', { name: 'Save choices' }).click(),
  ])
  assert.equal(await page.getByLabel('Email', { exact: true }).isChecked(), true, 'the email opt-in was not kept')
  assert.equal(await page.getByLabel('Text message (SMS)', { exact: true }).isChecked(), false)
  await page.goto(`${baseURL}/${sunrise.slug}/account`)
  await page.getByLabel('Email', { exact: true }).uncheck()
  await Promise.all([
    page.waitForURL((url) => url.searchParams.get('done') === 'consents'),
    page.getByRole('button', { name: 'Save choices' }).click(),
  ])
  await page.goto(`${baseURL}/${sunrise.slug}/account`)
  assert.equal(await page.getByLabel('Email', { exact: true }).isChecked(), false, 'the email opt-out was not kept')
})

test('site-flows-join-and-isolation', { tag: '@shared' }, async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL } = ctx
  // A member of another tenant (fairway) signs in on sunrise's site and is offered to join.
  const fairwayMember = demoEmail(fairway.slug, 'member1')
  await siteLogin(page, baseURL, sunrise.slug, fairwayMember, `/${sunrise.slug}/account`)
  await page.getByRole('heading', { level: 1, name: `Join ${sunrise.name}` }).waitFor()
  await Promise.all([
    page.waitForURL((url) => url.pathname.endsWith('/account')),
    page.getByRole('button', { name: `Join ${sunrise.name}` }).click(),
  ])
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
  const account = await page.locator('main').innerText()
  assert.ok(account.includes(fairwayMember), 'the account is not the same person')
  for (const title of fairway.classTitles)
    assert.ok(!account.includes(title), `${title} of ${fairway.slug} is shown on ${sunrise.slug}`)

  // Ids of another tenant edited into URLs: 404, never the other tenant's data.
  const api = ctx.context.request
  const schedule = await json<{ classes: { id: string; title: string }[] }>(
    await api.get(
      `${baseURL}/api/schedule?tenant=${fairway.slug}&from=${new Date().toISOString()}&to=${new Date(Date.now() + 14 * 86_400_000).toISOString()}`,
    ),
    200,
    'fairway schedule',
  )
  const foreign = schedule.classes[0]
  assert.ok(foreign, 'no fairway class to probe with')
  const probe = await page.goto(`${baseURL}/${sunrise.slug}/classes/${foreign.id}`)
  assert.equal(probe?.status(), 404, `a fairway class on sunrise's site answered ${probe?.status()}`)
  await expectNoText(page, foreign.title, 'a class of another tenant')
  for (const path of [
    `/${sunrise.slug}/classes/not-a-uuid`,
    `/${sunrise.slug}/classes/00000000-0000-4000-8000-000000000000`,
  ]) {
    assert.equal((await page.goto(`${baseURL}${path}`))?.status(), 404, `${path} did not answer 404`)
  }
  // The same class on its own tenant's site is there.
  await page.goto(`${baseURL}/${fairway.slug}/classes/${foreign.id}`)
  await page.getByRole('heading', { level: 1, name: foreign.title }).waitFor()
})

test('site-flows-host-resolution', async ({ ctx }) => {
  test.setTimeout(300_000)
  const { page, baseURL } = ctx
  const port = new URL(baseURL).port
  // <slug>.<ROOT_DOMAIN> (localhost in development): the same site, links without the slug.
  const response = await page.goto(`http://${sunrise.slug}.localhost:${port}/schedule`)
  assert.equal(response?.status(), 200, `the subdomain schedule answered ${response?.status()}`)
  await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor()
  await page.locator('header').getByText(sunrise.name, { exact: true }).waitFor()
  assert.equal(await page.getByRole('link', { name: 'Schedule' }).getAttribute('href'), '/schedule')
  const classLink = await page.locator('.class-row a').first().getAttribute('href')
  assert.match(classLink ?? '', /^\/classes\/[0-9a-f-]{36}$/)
  assert.equal((await page.goto(`http://no-such-studio.localhost:${port}/`))?.status(), 404)
  // Signing in on the tenant's host (form posts whose Origin is that host) keeps the session there.
  await page.goto(`http://${sunrise.slug}.localhost:${port}/login`)
  await page.getByLabel('Email', { exact: true }).fill(demoEmail(sunrise.slug, 'member3'))
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/account'),
    page.getByRole('button', { name: 'Log in' }).click(),
  ])
  await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor()
  assert.match(
    await page.locator('main').innerText(),
    new RegExp(`Signed in as ${demoEmail(sunrise.slug, 'member3').replace(/[.]/g, '\\.')}`),
  )

  // A tenant's own domain (set by the platform admin): any Host header naming it.
  const api = ctx.context.request
  const auth = await restLogin(api, baseURL, PLATFORM_ADMIN_EMAIL)
  const tenants = await json<{ docs: { id: string }[] }>(
    await api.get(`${baseURL}/api/tenants?where[slug][equals]=${fairway.slug}&depth=0`, { headers: auth }),
    200,
    'tenant',
  )
  const domain = `club-${stamp()}.example.com`
  await json(
    await api.patch(`${baseURL}/api/tenants/${tenants.docs[0].id}`, {
      headers: auth,
      data: { domains: [{ hostname: domain }] },
    }),
    200,
    'adding the domain',
  )
  const home = await getWithHost(baseURL, domain, '/')
  assert.equal(home.status, 200)
  assert.ok(home.body.includes(fairway.heroTitle), 'the own-domain home page is not the tenant’s')
  assert.ok(home.body.includes('href="/schedule"'), 'links on the own domain carry a path prefix')
  const schedule = await getWithHost(baseURL, domain, '/schedule')
  assert.equal(schedule.status, 200)
  for (const title of sunrise.classTitles)
    assert.ok(!schedule.body.includes(title), `${title} of ${sunrise.slug} on ${fairway.slug}'s domain`)
  assert.equal((await getWithHost(baseURL, `unknown-${stamp()}.example.com`, '/')).status, 404)
  // The admin and the API stay on every host; the path form keeps working on localhost.
  assert.equal((await getWithHost(baseURL, domain, '/api/users/me')).status, 200)
  await page.goto(`${baseURL}/${sunrise.slug}/schedule`)
  await page.getByRole('heading', { level: 1, name: 'Schedule' }).waitFor()
  assert.equal(await page.getByRole('link', { name: 'Schedule' }).getAttribute('href'), `/${sunrise.slug}/schedule`)
})
