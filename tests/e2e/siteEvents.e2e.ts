/**
 * Events on a tenant website and the other issue-5 gaps, in a browser against the demo seed: a new
 * member finds an event through the "Events" nav link, RSVPs with a guest, sees it in the account
 * and cancels it after the confirm step (what is refunded); another tenant's or an unknown event
 * id answers 404; on a 390 px phone a member joins the waitlist of a full event and is moved up
 * when the place frees, a full event without a waitlist offers no RSVP; a group appointment shows
 * the places left per time; the pricing page reserves two packs at once. Run alone with
 * `E2E_SPECS=siteEvents npm run test:e2e`.
 */
import assert from 'node:assert/strict'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import { DEMO_TENANTS, demoEmail } from '../../seed/demoTenants'
import { fitsWidth, json, NARROW, restLogin, siteSignUp, stamp, type E2EContext } from './harness'
import { test } from './fixtures'

const sunrise = DEMO_TENANTS.find((demo) => demo.slug === 'sunrise-yoga')!
const fairway = DEMO_TENANTS.find((demo) => demo.slug === 'fairway-club')!
const HOUR = 3_600_000

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).filter({ visible: true }).first().innerText()).replace(/\s+/g, ' ')

/** A second browser context for REST calls as staff or other members (a REST login would sign the spec's page in too). */
const restContext = async (ctx: E2EContext) => ctx.context.browser()!.newContext({ baseURL: ctx.baseURL })

type Owner = { api: APIRequestContext; auth: Record<string, string>; tenant: string; location: string }

/** The sunrise owner over REST: its tenant and first location. */
const ownerOf = async (api: APIRequestContext, baseURL: string): Promise<Owner> => {
  const auth = await restLogin(api, baseURL, demoEmail(sunrise.slug, 'owner'))
  const tenant = (
    await json<{ docs: { id: string }[] }>(
      await api.get(`${baseURL}/api/tenants?where[slug][equals]=${sunrise.slug}&depth=0`, { headers: auth }),
      200,
      'tenant lookup',
    )
  ).docs[0].id
  const location = (
    await json<{ docs: { id: string }[] }>(
      await api.get(`${baseURL}/api/locations?where[tenant][equals]=${tenant}&sort=name&depth=0`, { headers: auth }),
      200,
      'locations',
    )
  ).docs[0].id
  return { api, auth, tenant, location }
}

/** A published event of sunrise starting in `days` days (on the hour), RSVPs closing an hour before. */
const createEvent = async (owner: Owner, baseURL: string, title: string, fields: Record<string, unknown>) => {
  const start = new Date(Math.ceil((Date.now() + 3 * 24 * HOUR) / HOUR) * HOUR)
  const created = await json<{ doc: { id: string } }>(
    await owner.api.post(`${baseURL}/api/events`, {
      headers: owner.auth,
      data: {
        tenant: owner.tenant,
        title,
        description: 'An evening workshop for the e2e spec.',
        location: owner.location,
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + 2 * HOUR).toISOString(),
        rsvpDeadline: new Date(start.getTime() - HOUR).toISOString(),
        status: 'published',
        ...fields,
      },
    }),
    201,
    `creating the event ${title}`,
  )
  return created.doc.id
}

const statusOf = (page: Page) => text(page, '.rsvp-status')

// Events list → event → RSVP with a guest → account → cancel with the confirm step; 404 for foreign ids.
test('siteEvents-rsvp', async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  const rest = await restContext(ctx)
  let eventId = ''
  const title = `Sound bath ${stamp()}`
  try {
    const owner = await ownerOf(rest.request, baseURL)
    eventId = await createEvent(owner, baseURL, title, { capacity: 10, maxGuests: 2 })
    // A draft of the same tenant is not shown to visitors.
    const draft = await createEvent(owner, baseURL, `Draft ${stamp()}`, { status: 'draft', capacity: 5 })
    const fairwayEvent = (
      await json<{ docs: { id: string }[] }>(
        await rest.request.get(
          `${baseURL}/api/events?where[title][equals]=${encodeURIComponent(`${fairway.name} open house`)}&depth=0`,
        ),
        200,
        'fairway event',
      )
    ).docs[0]
    assert.ok(fairwayEvent, 'the demo seed has a fairway open house')

    const events = `/${sunrise.slug}/events`
    await siteSignUp(page, baseURL, sunrise.slug, events, 'Evie Events')
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor()
    await page.waitForFunction((expected) => document.title === expected, `Events · ${sunrise.name}`, {
      timeout: 30_000,
    }) // streamed after the loading state
    assert.ok(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Events', exact: true })
        .isVisible(),
      'the nav links to the events',
    )
    const card = page.locator('.event-card').filter({ hasText: title })
    const cardText = (await card.innerText()).replace(/\s+/g, ' ')
    assert.match(cardText, /10 places left/)
    assert.match(cardText, /Free/)
    assert.match(cardText, /RSVP by .+ (EST|EDT)/, 'the deadline is shown in the location zone')
    assert.equal(await page.locator('.event-card').filter({ hasText: 'Draft ' }).count(), 0, 'drafts are not listed')

    // Other tenants' events, drafts and unknown ids answer 404 on this site.
    for (const id of [fairwayEvent.id, draft, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      const response = await page.goto(`${baseURL}${events}/${id}`)
      assert.equal(response?.status(), 404, `/events/${id} must answer 404`)
    }

    await page.goto(`${baseURL}${events}`)
    await Promise.all([
      page.waitForURL((url) => url.pathname.endsWith(`/events/${eventId}`)),
      card.getByRole('link', { name: title, exact: true }).click(),
    ])
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    assert.match(await page.title(), new RegExp(`^${title}, .+ · ${sunrise.name}$`))
    assert.match(await text(page, '.facts'), /Places 10 places left[\s\S]*RSVP by[\s\S]*Bring up to 2 guests/)
    await page.getByLabel('Guests coming with you').selectOption('1')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'rsvp_going'),
      page.getByRole('button', { name: 'RSVP', exact: true }).click(),
    ])
    assert.equal(await statusOf(page), 'Going with 1 guest')
    assert.match(await text(page, '.event-places'), /8 places left/, 'the member and the guest take two places')

    // The account lists the RSVP; its cancel link leads to the confirm step on the event page.
    await page.goto(`${baseURL}/${sunrise.slug}/account`)
    const row = page.locator('section[aria-labelledby=events-title] .rsvp-row').filter({ hasText: title })
    assert.equal(await row.getAttribute('data-status'), 'going')
    assert.match(await row.innerText(), /you \+ 1 guest[\s\S]*Going/)
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('cancel')),
      row.getByRole('link', { name: `Cancel RSVP for ${title}…` }).click(),
    ])
    const confirm = page.getByRole('group', { name: 'Cancel your RSVP?' })
    const confirmText = (await confirm.innerText()).replace(/\s+/g, ' ')
    assert.match(
      confirmText,
      /Your 2 places \(you and your guest\) go to the next person waiting\. It was free, so there is nothing to refund\./,
    )
    assert.equal(await statusOf(page), 'Going with 1 guest', 'nothing is cancelled before the confirmation')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'rsvp_cancelled'),
      confirm.getByRole('button', { name: 'Yes, cancel my RSVP' }).click(),
    ])
    assert.equal(await text(page, '.flash-ok'), 'Your RSVP is cancelled.')
    assert.match(await text(page, '.event-places'), /10 places left/, 'the places went back')
    assert.equal(await page.getByRole('button', { name: 'RSVP', exact: true }).count(), 1, 'the member may RSVP again')
    await page.goto(`${baseURL}/${sunrise.slug}/account`)
    assert.equal(
      await page.locator('.rsvp-row').filter({ hasText: title }).count(),
      0,
      'the cancelled RSVP is gone from the account',
    )
  } finally {
    await rest.close().catch(() => undefined)
  }
})

// On a phone: a full event with a waitlist → waitlisted #1 → moved up when the place frees; a full event without one.
test('siteEvents-waitlist-narrow', async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  await page.setViewportSize(NARROW)
  const rest = await restContext(ctx)
  try {
    const owner = await ownerOf(rest.request, baseURL)
    const title = `Retreat talk ${stamp()}`
    const eventId = await createEvent(owner, baseURL, title, { capacity: 1, waitlistCapacity: 2, maxGuests: 1 })
    const closed = `Tiny class ${stamp()}`
    const closedId = await createEvent(owner, baseURL, closed, { capacity: 1, waitlistCapacity: 0 })
    const noah = await restLogin(rest.request, baseURL, demoEmail(sunrise.slug, 'member2'))
    const taken = await json<{ rsvp: { id: string; status: string } }>(
      await rest.request.post(`${baseURL}/api/events/${eventId}/rsvp`, { headers: noah, data: {} }),
      201,
      'Noah takes the only place',
    )
    assert.equal(taken.rsvp.status, 'going')
    await json(
      await rest.request.post(`${baseURL}/api/events/${closedId}/rsvp`, { headers: noah, data: {} }),
      201,
      'Noah fills the event without a waitlist',
    )

    const eventPath = `/${sunrise.slug}/events/${eventId}`
    await siteSignUp(page, baseURL, sunrise.slug, eventPath, 'Walt Waitlist')
    assert.match(await text(page, '.event-places'), /Full – 0 on the waitlist/)
    assert.equal(
      await page.getByLabel('Guests coming with you').count(),
      0,
      'a one-place event has no room for a guest',
    )
    await fitsWidth(page, NARROW.width, 'the full event page')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'rsvp_waitlisted'),
      page.getByRole('button', { name: 'Join the waitlist' }).click(),
    ])
    assert.equal(await statusOf(page), 'On the waitlist – you are number 1 on the waitlist')
    assert.match(await text(page, '.event-places'), /Full – 1 on the waitlist/)
    await fitsWidth(page, NARROW.width, 'the event page with the waitlist status')

    await json(
      await rest.request.post(`${baseURL}/api/event-rsvps/${taken.rsvp.id}/cancel`, { headers: noah, data: {} }),
      200,
      'Noah cancels',
    )
    await page.reload()
    assert.equal(await statusOf(page), 'Going', 'the waitlisted member is moved up when the place frees')

    const closedResponse = await page.goto(`${baseURL}/${sunrise.slug}/events/${closedId}`)
    assert.equal(closedResponse?.status(), 200)
    assert.equal(await page.locator('section[aria-labelledby=rsvp-title] p').innerText(), 'This event is full.')
    assert.equal(
      await page.getByRole('button', { name: /RSVP|waitlist/ }).count(),
      0,
      'no RSVP button on a full event without a waitlist',
    )

    // The list is a cached page, re-rendered a few seconds after a change (SITE_STALE_SECONDS) while
    // other specs keep changing this tenant's events: open it until it shows the new event.
    const closedCard = page.locator('.event-card').filter({ hasText: closed })
    await expect(async () => {
      await page.goto(`${baseURL}/${sunrise.slug}/events`)
      await expect(closedCard).toBeVisible({ timeout: 2_000 })
    }).toPass({ timeout: 60_000 })
    assert.match((await closedCard.innerText()).replace(/\s+/g, ' '), /Full/)
    await fitsWidth(page, NARROW.width, 'the events list')
    await page.goto(`${baseURL}/${sunrise.slug}/account`)
    const row = page.locator('section[aria-labelledby=events-title] .rsvp-row').filter({ hasText: title })
    assert.equal(await row.getAttribute('data-status'), 'going')
    await fitsWidth(page, NARROW.width, 'the account with an RSVP')
  } finally {
    await rest.close().catch(() => undefined)
  }
})

// A 3-place group service shows places left per time; a member reserves two packs in one go.
test('siteEvents-group-slots-and-quantity', async ({ ctx }) => {
  test.setTimeout(420_000)
  const { page, baseURL } = ctx
  const rest = await restContext(ctx)
  try {
    const owner = await ownerOf(rest.request, baseURL)
    const instructor = (
      await json<{ docs: { id: string }[] }>(
        await rest.request.get(
          `${baseURL}/api/tenant-memberships?where[tenant][equals]=${owner.tenant}&where[email][equals]=${encodeURIComponent(demoEmail(sunrise.slug, 'instructor'))}&depth=0`,
          { headers: owner.auth },
        ),
        200,
        'instructor lookup',
      )
    ).docs[0]
    const serviceTitle = `Small group ${stamp()}`
    const service = await json<{ doc: { id: string } }>(
      await rest.request.post(`${baseURL}/api/appointment-services`, {
        headers: owner.auth,
        data: {
          tenant: owner.tenant,
          title: serviceTitle,
          kind: 'service',
          durationMinutes: 60,
          capacity: 3,
          slotIntervalMinutes: 60,
          providers: [instructor.id],
          location: owner.location,
          isActive: true,
        },
      }),
      201,
      'creating a group service',
    )

    const pricing = `/${sunrise.slug}/pricing`
    await siteSignUp(page, baseURL, sunrise.slug, pricing, 'Quinn Quantity')
    const servicePage = `${baseURL}/${sunrise.slug}/appointments/${service.doc.id}`
    await page.goto(servicePage)
    await page.getByRole('heading', { level: 1, name: serviceTitle }).waitFor()
    assert.match(await text(page, '.facts'), /Up to 3 people per time/)
    for (let week = 0; week < 4 && (await page.locator('.slot').count()) === 0; week++) {
      await Promise.all([
        page.waitForURL((url) => url.searchParams.has('day')),
        page.getByRole('link', { name: 'Later →' }).click(),
      ])
    }
    const slot = page.locator('.slot').first()
    assert.match((await slot.innerText()).replace(/\s+/g, ' '), /3 places left$/)
    const value = (await slot.locator('input').getAttribute('value'))!
    await slot.locator('label').click()
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'appointment'),
      page.getByRole('button', { name: 'Book this time' }).click(),
    ])
    await page.goto(`${servicePage}?${new URLSearchParams({ day: value.split('|')[1].slice(0, 10) })}`)
    const same = page.locator('.slot').filter({ has: page.locator(`input[value="${value}"]`) })
    assert.match(
      (await same.innerText()).replace(/\s+/g, ' '),
      /2 places left$/,
      'one place of the group slot is taken',
    )

    // The appointment's cancel asks first and says what happens.
    await page.goto(`${baseURL}/${sunrise.slug}/account`)
    const appointment = page.locator('.appointment-row').filter({ hasText: serviceTitle })
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('cancelAppointment')),
      appointment.getByRole('link', { name: new RegExp(`^Cancel ${serviceTitle} on `) }).click(),
    ])
    const confirm = page.getByRole('group', { name: 'Cancel this appointment?' })
    assert.match(
      (await confirm.innerText()).replace(/\s+/g, ' '),
      /The time is freed for someone else\. There is no cancellation fee\. It was free, so there is nothing to refund\./,
    )
    assert.equal(
      await page.locator('.appointment-row').filter({ hasText: serviceTitle }).count(),
      1,
      'nothing is cancelled before the confirmation',
    )
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'appointment_cancelled'),
      confirm.getByRole('button', { name: 'Yes, cancel the appointment' }).click(),
    ])
    assert.equal(await page.locator('.appointment-row').filter({ hasText: serviceTitle }).count(), 0)

    // Two 5-class packs in one reservation.
    await page.goto(`${baseURL}${pricing}`)
    const pack = page.locator('.product-card').filter({ hasText: '5-class pack' })
    const reservePack = pack.getByRole('button', { name: /^Reserve 5-class pack/ })
    const picker = pack.getByLabel('Quantity')
    assert.deepEqual(await picker.locator('option').allInnerTexts(), [
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ])
    await picker.selectOption('2')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'reserved_order'),
      reservePack.click(),
    ])
    const order = page.locator('section[aria-labelledby=receipts-title] tbody tr[data-kind=order]').first()
    assert.match(await order.innerText(), /\$170\.00[\s\S]*To pay/)
    await Promise.all([
      page.waitForURL((url) => url.pathname.includes('/account/receipts/order/')),
      order.getByRole('link').click(),
    ])
    assert.match(await text(page, '.receipt-lines tbody'), /5-class pack 2 \$85\.00 \$170\.00/)
  } finally {
    await rest.close().catch(() => undefined)
  }
})
