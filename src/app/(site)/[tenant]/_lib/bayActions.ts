'use server'

import { redirect } from 'next/navigation'
import { bayGuests } from './bays'
import { callEndpoint } from './callEndpoint'
import { siteOf, text, withQuery } from './forms'
import { href } from './site'
import { memberOrLogin } from './visitor'

/**
 * The bay pages' member actions (HTML forms): book the bay priced on `/bays/confirm`
 * (`POST /api/reservations/book`) and cancel one of the member's reservations
 * (`POST /api/reservations/:id/cancel`). Each ends in a redirect carrying the outcome.
 */

export async function bookBay(form: FormData) {
  const site = await siteOf(form)
  const back = withQuery(href(site, '/bays'), { date: text(form, 'date') })
  const visitor = await memberOrLogin(site, back)
  const guests = bayGuests(form.getAll('guest').map(String))
  const answer = await callEndpoint<{ id?: string }>({
    collection: 'reservations',
    path: '/book',
    method: 'post',
    body: {
      resource: text(form, 'resource'),
      startAt: text(form, 'startAt'),
      endAt: text(form, 'endAt'),
      participants: guests.map((name) => ({ guest: { name } })),
    },
    user: visitor.user,
  })
  if (!answer.ok) redirect(withQuery(back, { error: answer.body.error ?? 'failed' }))
  redirect(`${withQuery(href(site, '/account'), { done: 'bay_booked' })}#bays-title`)
}

export async function cancelBay(form: FormData) {
  const site = await siteOf(form)
  const visitor = await memberOrLogin(site, href(site, '/account'))
  const answer = await callEndpoint({
    collection: 'reservations',
    path: '/:id/cancel',
    method: 'post',
    routeParams: { id: text(form, 'reservation') },
    user: visitor.user,
  })
  redirect(
    `${withQuery(href(site, '/account'), answer.ok ? { done: 'bay_cancelled' } : { error: answer.body.error ?? 'failed' })}#bays-title`,
  )
}

// ---- facility commerce ----
/**
 * Pay a reservation's fee online (`POST /api/reservations/:id/pay`): commerce opens the fee's
 * order and Stripe Checkout, and the member is sent there; the fee shows paid once `order.paid`
 * arrives. A club that takes no online payments answers with the reason on the account page.
 */
export async function payBay(form: FormData) {
  const site = await siteOf(form)
  const visitor = await memberOrLogin(site, href(site, '/account'))
  const answer = await callEndpoint<{ checkout?: { url: string } | null }>({
    collection: 'reservations',
    path: '/:id/pay',
    method: 'post',
    body: { method: 'online' },
    routeParams: { id: text(form, 'reservation') },
    user: visitor.user,
  })
  if (answer.ok && answer.body.checkout?.url) redirect(answer.body.checkout.url)
  redirect(
    `${withQuery(href(site, '/account'), { error: answer.ok ? 'failed' : (answer.body.error ?? 'failed') })}#bays-title`,
  )
}
