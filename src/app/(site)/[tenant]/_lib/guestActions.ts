'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { z } from 'zod'
import { callEndpoint } from './callEndpoint'
import { siteOf, text, withQuery } from './forms'
import { parseGuest } from './guestInput'
import { href } from './site'
import { loadVisitor } from './visitor'

/**
 * Forms of visitors without an account (HTML forms, no client JavaScript): an e-mail-only RSVP
 * (`POST /api/events/:id/rsvp { guest, guests }`) and an intro session booked as a guest
 * (`POST /api/appointments/book { …, guest }`), where the tenant allows them. The endpoints are
 * called anonymously with the visitor's address, so their per-address limit counts this person
 * (not every visitor of the site together). Each action ends in a redirect carrying the outcome.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The visitor's address headers (set by the load balancer / Next's server), for the endpoints' per-address limit. */
const addressHeaders = async (): Promise<Headers> => {
  const incoming = await headers()
  const out = new Headers()
  for (const name of ['x-forwarded-for', 'x-real-ip']) {
    const value = incoming.get(name)
    if (value) out.set(name, value)
  }
  return out
}

const guestFields = (form: FormData) => ({
  name: text(form, 'guestName'),
  email: text(form, 'guestEmail'),
  phone: text(form, 'guestPhone'),
})

/** RSVPs a visitor by name and e-mail (and `guests`); a signed-in visitor is sent back to the member form. */
export async function rsvpAsGuest(form: FormData) {
  const site = await siteOf(form)
  const event = text(form, 'event')
  const page = UUID.test(event) ? href(site, `/events/${event}`) : href(site, '/events')
  if (await loadVisitor(site)) redirect(page)
  const guests = z.coerce
    .number()
    .int()
    .min(0)
    .max(20)
    .safeParse(text(form, 'guests') || '0')
  if (!UUID.test(event) || !guests.success) redirect(withQuery(page, { error: 'invalid_input' }))
  const input = parseGuest(guestFields(form))
  if ('error' in input) redirect(`${withQuery(page, { error: input.error })}#rsvp-title`)
  const answer = await callEndpoint<{ rsvp?: { status: string } }>({
    collection: 'events',
    path: '/:id/rsvp',
    method: 'post',
    routeParams: { id: event },
    body: { guest: input.guest, guests: guests.data },
    headers: await addressHeaders(),
  })
  redirect(
    answer.ok
      ? `${withQuery(page, { done: answer.body.rsvp?.status === 'waitlisted' ? 'guest_waitlisted' : 'guest_going' })}#rsvp-title`
      : `${withQuery(page, { error: answer.body.error === 'already_rsvped' ? 'guest_already_rsvped' : (answer.body.error ?? 'failed') })}#rsvp-title`,
  )
}

/** Books an intro session for a visitor by name, e-mail and phone; the slot field is `<provider id>|<start ISO>`. */
export async function bookAsGuest(form: FormData) {
  const site = await siteOf(form)
  const service = text(form, 'service')
  const day = text(form, 'day')
  const page = withQuery(href(site, `/appointments/${encodeURIComponent(service)}`), day ? { day } : {})
  if (await loadVisitor(site)) redirect(page)
  const [provider, startTime] = text(form, 'slot').split('|')
  if (!UUID.test(service) || !UUID.test(provider ?? '') || !startTime || Number.isNaN(Date.parse(startTime)))
    redirect(withQuery(page, { error: 'invalid_input' }))
  const input = parseGuest(guestFields(form), { phoneRequired: true })
  if ('error' in input) redirect(`${withQuery(page, { error: input.error })}#guest-title`)
  const answer = await callEndpoint<{ appointment?: { startTime: string } }>({
    collection: 'appointments',
    path: '/book',
    method: 'post',
    body: { service, provider, startTime: new Date(startTime).toISOString(), guest: input.guest },
    headers: await addressHeaders(),
  })
  redirect(
    answer.ok
      ? withQuery(page, {
          done: 'guest_booked',
          at: answer.body.appointment?.startTime ?? new Date(startTime).toISOString(),
        })
      : `${withQuery(page, { error: answer.body.error ?? 'failed' })}#guest-title`,
  )
}
