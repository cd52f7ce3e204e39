/**
 * Visitors without an account on a tenant website, in a browser against the demo seed: with the
 * studio's `publicEventRsvp` and `publicGuestBooking` turned on by the owner (REST), a visitor on a
 * 390 px phone RSVPs to an event with a guest by name and e-mail, gets the confirmation mail (queued
 * jobs run as the platform admin, file mail adapter) and cancels through its link (open the page, press the button: the places come
 * back); a visitor books the demo "Intro call" as a guest, and a second booking with the same
 * address over the studio's per-address limit is refused with a clear message. With the settings
 * off again, the pages ask visitors to log in. Run alone with `E2E_SPECS=siteGuests npm run test:e2e`.
 */
import assert from 'node:assert/strict'
import type { APIRequestContext, Page } from '@playwright/test'
import { DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail } from '../../seed/demoTenants'
import { fitsWidth, json, NARROW, readMailTo, restLogin, stamp, type E2EContext } from './harness'
import { test } from './fixtures'

const sunrise = DEMO_TENANTS.find((demo) => demo.slug === 'sunrise-yoga')!
const HOUR = 3_600_000

const text = async (page: Page, selector: string) =>
  (await page.locator(selector).filter({ visible: true }).first().innerText()).replace(/\s+/g, ' ').trim()

type Owner = { api: APIRequestContext; auth: Record<string, string>; tenant: string; location: string }
type BookingSettings = Record<string, unknown>

/** The sunrise owner over REST (in its own browser context, so the spec's page stays anonymous). */
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

/** Reads sunrise's booking settings and writes `changes` over them; returns what they were. */
const setBookingSettings = async (
  owner: Owner,
  baseURL: string,
  changes: BookingSettings,
): Promise<BookingSettings> => {
  const settings = (
    await json<{ docs: { id: string; bookings?: BookingSettings }[] }>(
      await owner.api.get(`${baseURL}/api/tenant-settings?where[tenant][equals]=${owner.tenant}&depth=0`, {
        headers: owner.auth,
      }),
      200,
      'tenant settings',
    )
  ).docs[0]
  const before = settings.bookings ?? {}
  await json(
    await owner.api.patch(`${baseURL}/api/tenant-settings/${settings.id}`, {
      headers: owner.auth,
      data: { bookings: { ...before, ...changes } },
    }),
    200,
    'changing the booking settings',
  )
  return before
}

/** A published event of sunrise three days ahead (on the hour), RSVPs closing an hour before. */
const createEvent = async (owner: Owner, baseURL: string, title: string, fields: Record<string, unknown>) => {
  const start = new Date(Math.ceil((Date.now() + 3 * 24 * HOUR) / HOUR) * HOUR)
  const created = await json<{ doc: { id: string } }>(
    await owner.api.post(`${baseURL}/api/events`, {
      headers: owner.auth,
      data: {
        tenant: owner.tenant,
        title,
        description: 'A talk for the guest e2e spec.',
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

/**
 * Runs the queued jobs as the platform admin (the runner starts the app with JOBS_AUTORUN off), in
 * batches, oldest first, as a worker would, until the guest confirmation mail is written (other
 * specs' and the seed's events queue jobs ahead of it); then reads it from the file mail adapter.
 */
const mailAfterJobs = async (ctx: E2EContext, address: string) => {
  const admin = await ctx.context.browser()!.newContext({ baseURL: ctx.baseURL })
  try {
    const auth = await restLogin(admin.request, ctx.baseURL, PLATFORM_ADMIN_EMAIL)
    const deadline = Date.now() + 150_000
    for (;;) {
      await json(
        await admin.request.get(`${ctx.baseURL}/api/payload-jobs/run?allQueues=true&limit=200`, { headers: auth }),
        200,
        'running the queued jobs',
      )
      const mail = await readMailTo(address, 1_000).catch(() => null)
      if (mail) return mail
      if (Date.now() > deadline) return readMailTo(address)
    }
  } finally {
    await admin.close().catch(() => undefined)
  }
}

/** The cancel link of a guest confirmation mail. */
const cancelLink = (mail: { text: string }) => {
  const link = /https?:\/\/\S+\/api\/guest-bookings\/cancel\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0]
  assert.ok(link, `the confirmation mail has a cancel link: ${mail.text}`)
  return link
}

/** Moves the appointment page week by week until it lists free times. */
const firstWeekWithSlots = async (page: Page) => {
  for (let week = 0; week < 4 && (await page.locator('.slot').count()) === 0; week++) {
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('day')),
      page.getByRole('link', { name: 'Later →' }).click(),
    ])
  }
  assert.ok((await page.locator('.slot').count()) > 0, 'the intro call has free times within four weeks')
}

// On a phone: a guest RSVPs (name, e-mail, one guest), gets the mail, cancels through its link; then books an intro call as a guest.
test('siteGuests-rsvp-and-booking-narrow', { tag: '@shared' }, async ({ ctx }) => {
  test.setTimeout(480_000)
  const { page, baseURL } = ctx
  await page.setViewportSize(NARROW)
  const rest = await ctx.context.browser()!.newContext({ baseURL })
  const owner = await ownerOf(rest.request, baseURL)
  const before = await setBookingSettings(owner, baseURL, {
    publicEventRsvp: true,
    publicGuestBooking: true,
    guestBookingsPerEmail: 1,
  })
  try {
    // --- An e-mail-only RSVP, confirmed by mail and cancelled through its link.
    const title = `Open talk ${stamp()}`
    const eventId = await createEvent(owner, baseURL, title, { capacity: 10, maxGuests: 2 })
    const eventPage = `${baseURL}/${sunrise.slug}/events/${eventId}`
    const gina = `gina-${stamp()}@example.test`
    await page.goto(eventPage)
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    const form = page.getByRole('form', { name: 'RSVP without an account' })
    await form.getByLabel('Your name').fill('Gina Guest')
    await form.getByLabel('E-mail').fill(gina.toUpperCase())
    assert.equal(
      await form.getByLabel('Phone (optional)').getAttribute('required'),
      null,
      'the phone is optional for an RSVP',
    )
    assert.deepEqual(await form.getByLabel('Guests coming with you').locator('option').allInnerTexts(), [
      'Just me',
      '1 guest',
      '2 guests',
    ])
    await form.getByLabel('Guests coming with you').selectOption('1')
    await fitsWidth(page, NARROW.width, 'the event page with the guest RSVP form')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'guest_going'),
      form.getByRole('button', { name: 'RSVP', exact: true }).click(),
    ])
    assert.equal(
      await text(page, '.flash-ok'),
      'You are going. We sent you a confirmation e-mail with a link to cancel your RSVP.',
    )
    assert.match(
      await text(page, '.event-places'),
      /8 places left/,
      'the guest and the person they bring take two places',
    )
    assert.equal(await page.getByRole('link', { name: 'RSVP for someone else' }).count(), 1)
    await fitsWidth(page, NARROW.width, 'the event page after the RSVP')

    // The same address again: refused with a sentence, nothing taken.
    await page.goto(eventPage)
    await form.getByLabel('Your name').fill('Gina Again')
    await form.getByLabel('E-mail').fill(gina)
    await Promise.all([
      page.waitForURL((url) => url.searchParams.has('error')),
      form.getByRole('button', { name: 'RSVP', exact: true }).click(),
    ])
    assert.match(await text(page, 'form .flash-error'), /^This e-mail address already has an RSVP/)
    assert.match(await text(page, '.event-places'), /8 places left/)

    const rsvpMail = await mailAfterJobs(ctx, gina)
    assert.match(rsvpMail.subject, new RegExp(`your RSVP to ${title}`))
    const rsvpLink = cancelLink(rsvpMail)
    await page.goto(rsvpLink)
    await page.getByRole('heading', { name: 'Cancel your RSVP?' }).waitFor()
    assert.match(await text(page, 'body'), new RegExp(title), 'the cancel page names the event')
    await page.goto(eventPage)
    assert.match(await text(page, '.event-places'), /8 places left/, 'opening the link cancels nothing')
    await page.goto(rsvpLink)
    await page.getByRole('button', { name: 'Cancel my RSVP' }).click()
    await page.getByRole('heading', { name: 'Cancelled' }).waitFor()
    await fitsWidth(page, NARROW.width, 'the guest cancel page')
    await page.goto(eventPage)
    assert.match(await text(page, '.event-places'), /10 places left/, 'the places came back')
    const rsvps = await json<{ docs: { status: string; cancellationReason?: string | null }[] }>(
      await rest.request.get(`${baseURL}/api/event-rsvps?where[event][equals]=${eventId}&depth=0`, {
        headers: owner.auth,
      }),
      200,
      'the event RSVPs',
    )
    assert.deepEqual(
      rsvps.docs.map((row) => [row.status, row.cancellationReason]),
      [['cancelled', 'cancelled_by_guest']],
    )

    // --- An intro call booked as a guest; the per-address limit (1) refuses a second one.
    const services = await json<{ docs: { id: string }[] }>(
      await rest.request.get(
        `${baseURL}/api/appointment-services?where[tenant][equals]=${owner.tenant}&where[title][equals]=Intro%20call&depth=0`,
      ),
      200,
      'the intro call',
    )
    const servicePage = `${baseURL}/${sunrise.slug}/appointments/${services.docs[0].id}`
    await page.goto(`${baseURL}/${sunrise.slug}/appointments`)
    assert.match(await text(page, `.service-card:has-text("Intro call")`), /No account needed/)
    assert.doesNotMatch(
      await text(page, `.service-card:has-text("Private session")`),
      /No account needed/,
      'only intro sessions are open to guests',
    )
    await page.goto(servicePage)
    await firstWeekWithSlots(page)
    const guestForm = page.getByRole('region', { name: 'Your details' })
    const slot = page.locator('.slot').first()
    const value = (await slot.locator('input').getAttribute('value'))!
    await slot.locator('label').click()
    const pat = `pat-${stamp()}@example.test`
    await guestForm.getByLabel('Your name').fill('Pat Prospect')
    await guestForm.getByLabel('E-mail').fill(pat)
    await guestForm.getByLabel('Phone', { exact: true }).fill('+1 555 0100')
    await fitsWidth(page, NARROW.width, 'the appointment page with the guest form')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('done') === 'guest_booked'),
      guestForm.getByRole('button', { name: 'Book this time' }).click(),
    ])
    assert.match(
      await text(page, '.flash-ok'),
      /^You are booked for .+ \((EST|EDT)\)\. We sent you a confirmation e-mail with a link to cancel\.$/,
    )
    await page.goto(`${servicePage}?${new URLSearchParams({ day: value.split('|')[1].slice(0, 10) })}`)
    assert.equal(await page.locator(`input[value="${value}"]`).count(), 0, 'the booked time is no longer free')
    const bookingMail = await mailAfterJobs(ctx, pat)
    assert.match(bookingMail.subject, /your booking of Intro call/)
    cancelLink(bookingMail)

    await page.locator('.slot').first().locator('label').click()
    await guestForm.getByLabel('Your name').fill('Pat Prospect')
    await guestForm.getByLabel('E-mail').fill(pat)
    await guestForm.getByLabel('Phone', { exact: true }).fill('+1 555 0100')
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('error') === 'guest_limit_reached'),
      guestForm.getByRole('button', { name: 'Book this time' }).click(),
    ])
    assert.match(
      await text(page, '[aria-labelledby=guest-title] .flash-error'),
      /^This e-mail address already has as many upcoming bookings here as a guest may hold\./,
    )
    await fitsWidth(page, NARROW.width, 'the appointment page with the refusal')

    // --- Settings off: visitors are asked to log in again.
    await setBookingSettings(owner, baseURL, { publicEventRsvp: false, publicGuestBooking: false })
    await page.goto(eventPage)
    assert.equal(await page.getByRole('form', { name: 'RSVP without an account' }).count(), 0)
    await page.getByRole('link', { name: 'Log in to RSVP' }).waitFor()
    await page.goto(servicePage)
    await firstWeekWithSlots(page)
    assert.equal(await page.getByRole('region', { name: 'Your details' }).count(), 0)
    await page.getByRole('link', { name: 'Log in to book' }).waitFor()
  } finally {
    await setBookingSettings(owner, baseURL, before).catch(() => undefined)
    await rest.close().catch(() => undefined)
  }
})
