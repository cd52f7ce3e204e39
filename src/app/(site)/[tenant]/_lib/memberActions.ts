'use server'

import { redirect } from 'next/navigation'
import { z } from 'zod'
import { callEndpoint } from './callEndpoint'
import type { CancelRefund, CancelReply } from '@plugins/bookings/contract'
import { forgetCalendarLink, rememberCalendarLink } from './calendarLink'
import { externalUrl, purchaseBody, startOnlinePurchase, type PurchaseItem } from './onlinePurchase'
import { siteOf, text, withQuery } from './forms'
import { href, type Site } from './site'
import { memberOrLogin } from './visitor'

/**
 * Member actions of the account, appointments and pricing pages (HTML forms, no client
 * JavaScript). Plugin endpoints are called in-process as the member (`callEndpoint`); each action
 * ends in a redirect carrying the outcome (`?done=` / `?error=`).
 */

/** Most items of one product bought in one go on the website (the pricing page's picker offers 1–10). */
const MAX_QUANTITY = 10
/** A coupon code as commerce accepts them (`coupons.code`). */
const COUPON = /^[A-Z0-9_-]{3,40}$/

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const account = (site: Site, params: Record<string, string>, anchor = '') =>
  `${withQuery(href(site, '/account'), params)}${anchor}`

/** What a cancel endpoint gave back, for the confirmation (`refundedMessage` reads it back). */
const refundQuery = (refund: CancelRefund | undefined): Record<string, string> => ({
  ...(refund?.credits ? { credits: String(refund.credits) } : {}),
  ...(refund?.money ? { refunded: String(refund.money.amount), currency: refund.money.currency } : {}),
})

/** Claims a waitlist place offered to the member (`POST /api/bookings/:id/claim`). */
export async function claimOffer(form: FormData) {
  const site = await siteOf(form)
  const visitor = await memberOrLogin(site, href(site, '/account'))
  const answer = await callEndpoint({
    collection: 'bookings',
    path: '/:id/claim',
    method: 'post',
    routeParams: { id: text(form, 'booking') },
    user: visitor.user,
  })
  redirect(account(site, answer.ok ? { done: 'claimed' } : { error: answer.body.error ?? 'failed' }, '#upcoming-title'))
}

/** Opens the Stripe customer portal (`POST /api/billing/portal`) for the member's online subscription. */
export async function openBillingPortal(form: FormData) {
  const site = await siteOf(form)
  const visitor = await memberOrLogin(site, href(site, '/account'))
  const answer = await callEndpoint<{ url?: string }>({
    path: '/billing/portal',
    method: 'post',
    body: { tenant: site.tenant.id },
    user: visitor.user,
  })
  const url = answer.ok ? externalUrl(answer.body.url) : null
  if (url) redirect(url)
  redirect(account(site, { error: answer.body.error ?? 'failed' }, '#subscription-title'))
}

/** Issues (or replaces) the member's private calendar feed (`POST /api/ical/member-token`). */
export async function issueCalendarLink(form: FormData) {
  const site = await siteOf(form)
  const visitor = await memberOrLogin(site, href(site, '/account'))
  const answer = await callEndpoint<{ url?: string }>({
    path: '/ical/member-token',
    method: 'post',
    body: { tenant: site.tenant.slug },
    user: visitor.user,
  })
  const url = answer.ok ? externalUrl(answer.body.url) : null
  if (url) await rememberCalendarLink(site.tenant.id, url)
  redirect(
    account(site, url ? { done: 'calendar' } : { error: answer.body.error ?? 'calendar_failed' }, '#calendar-title'),
  )
}

/** Turns the member's calendar feed off (`DELETE /api/ical/member-token`): the old URL answers 404. */
export async function revokeCalendarLink(form: FormData) {
  const site = await siteOf(form)
  const visitor = await memberOrLogin(site, href(site, '/account'))
  const answer = await callEndpoint({
    path: '/ical/member-token',
    method: 'delete',
    body: { tenant: site.tenant.slug },
    user: visitor.user,
  })
  if (answer.ok) await forgetCalendarLink()
  redirect(
    account(
      site,
      answer.ok ? { done: 'calendar_off' } : { error: answer.body.error ?? 'calendar_failed' },
      '#calendar-title',
    ),
  )
}

/** Books a free slot (`POST /api/appointments/book`); the slot field is `<provider id>|<start ISO>`. */
export async function bookAppointment(form: FormData) {
  const site = await siteOf(form)
  const service = text(form, 'service')
  const day = text(form, 'day')
  const page = withQuery(href(site, `/appointments/${encodeURIComponent(service)}`), day ? { day } : {})
  const visitor = await memberOrLogin(site, page)
  const [provider, startTime] = text(form, 'slot').split('|')
  if (!UUID.test(service) || !UUID.test(provider ?? '') || !startTime || Number.isNaN(Date.parse(startTime)))
    redirect(withQuery(page, { error: 'invalid_input' }))
  const answer = await callEndpoint({
    collection: 'appointments',
    path: '/book',
    method: 'post',
    body: { service, provider, startTime: new Date(startTime).toISOString() },
    user: visitor.user,
  })
  redirect(
    answer.ok
      ? account(site, { done: 'appointment' }, '#appointments-title')
      : withQuery(page, { error: answer.body.error ?? 'failed' }),
  )
}

/** Cancels one of the member's appointments (`POST /api/appointments/:id/cancel`). */
export async function cancelAppointment(form: FormData) {
  const site = await siteOf(form)
  const visitor = await memberOrLogin(site, href(site, '/account'))
  const answer = await callEndpoint<Partial<CancelReply>>({
    collection: 'appointments',
    path: '/:id/cancel',
    method: 'post',
    routeParams: { id: text(form, 'appointment') },
    user: visitor.user,
  })
  redirect(
    account(
      site,
      answer.ok
        ? { done: 'appointment_cancelled', ...refundQuery(answer.body.refund) }
        : { error: answer.body.error ?? 'failed' },
      '#appointments-title',
    ),
  )
}

/** RSVPs the member (and `guests`) to an event (`POST /api/events/:id/rsvp`): going, or waitlisted when full. */
export async function rsvpToEvent(form: FormData) {
  const site = await siteOf(form)
  const event = text(form, 'event')
  const page = href(site, `/events/${encodeURIComponent(event)}`)
  const visitor = await memberOrLogin(site, page)
  const guests = z.coerce
    .number()
    .int()
    .min(0)
    .max(20)
    .safeParse(text(form, 'guests') || '0')
  if (!UUID.test(event) || !guests.success) redirect(withQuery(page, { error: 'invalid_input' }))
  const answer = await callEndpoint<{ rsvp?: { status: string } }>({
    collection: 'events',
    path: '/:id/rsvp',
    method: 'post',
    routeParams: { id: event },
    body: { guests: guests.data },
    user: visitor.user,
  })
  redirect(
    answer.ok
      ? withQuery(page, { done: answer.body.rsvp?.status === 'waitlisted' ? 'rsvp_waitlisted' : 'rsvp_going' })
      : withQuery(page, { error: answer.body.error ?? 'failed' }),
  )
}

/** Cancels the member's RSVP (`POST /api/event-rsvps/:id/cancel`) after the confirm step; the page then says what was refunded. */
export async function cancelEventRsvp(form: FormData) {
  const site = await siteOf(form)
  const event = text(form, 'event')
  const page = UUID.test(event) ? href(site, `/events/${event}`) : href(site, '/account')
  const visitor = await memberOrLogin(site, page)
  const answer = await callEndpoint<Partial<CancelReply>>({
    collection: 'event-rsvps',
    path: '/:id/cancel',
    method: 'post',
    routeParams: { id: text(form, 'rsvp') },
    user: visitor.user,
  })
  redirect(
    withQuery(
      page,
      answer.ok
        ? { done: 'rsvp_cancelled', ...refundQuery(answer.body.refund) }
        : { error: answer.body.error ?? 'failed' },
    ),
  )
}

/**
 * Buys a plan price or a product. `pay=online`: a Stripe Checkout page — plans through
 * `POST /api/billing/checkout { kind: 'plan' }` → `{ url }`, products through `POST /api/orders/buy
 * { lines }` → `{ order, checkout: { url } }` (the pending order holds the stock until paid or
 * expired; 409 `out_of_stock` when others hold the rest); when the studio turns out not to take
 * online payments, back to the pricing page in desk mode.
 * `pay=desk`: a reservation paid at the front desk (`POST /api/subscriptions/reserve` →
 * `{ subscription, invoice }`, `POST /api/orders/reserve` → `{ order }`), shown in the account.
 */
export async function buy(form: FormData) {
  const site = await siteOf(form)
  // From an offer's view (`/pricing?offer=<id>`): back to it, and its code applied to a product.
  const offer = UUID.test(text(form, 'offer')) ? text(form, 'offer').toLowerCase() : ''
  const pricing = offer ? withQuery(href(site, '/pricing'), { offer }) : href(site, '/pricing')
  const visitor = await memberOrLogin(site, pricing)
  const kind = text(form, 'kind') === 'plan' ? 'plan' : 'product'
  const coupon = kind === 'product' && COUPON.test(text(form, 'coupon')) ? text(form, 'coupon') : undefined
  const quantity = z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_QUANTITY)
    .safeParse(text(form, 'quantity') || '1')
  if (!quantity.success) redirect(withQuery(pricing, { error: 'invalid_quantity' }))
  const item: PurchaseItem =
    kind === 'plan'
      ? { plan: text(form, 'plan'), priceKey: text(form, 'priceKey') }
      : { product: text(form, 'product'), quantity: quantity.data, coupon }
  if (text(form, 'pay') === 'online') {
    const started = await startOnlinePurchase(visitor.user, item)
    if ('url' in started) redirect(started.url)
    redirect(
      withQuery(
        pricing,
        started.error === 'stripe_not_configured' ? { pay: 'desk', error: started.error } : { error: started.error },
      ),
    )
  }
  const answer =
    'plan' in item
      ? await callEndpoint({
          collection: 'subscriptions',
          path: '/reserve',
          method: 'post',
          body: item,
          user: visitor.user,
        })
      : await callEndpoint({
          collection: 'orders',
          path: '/reserve',
          method: 'post',
          body: purchaseBody(item),
          user: visitor.user,
        })
  redirect(
    answer.ok
      ? account(site, { done: kind === 'plan' ? 'reserved_plan' : 'reserved_order' }, '#receipts-title')
      : withQuery(pricing, { pay: 'desk', error: answer.body.error ?? 'failed' }),
  )
}
