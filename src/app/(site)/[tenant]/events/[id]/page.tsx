import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import {
  eventCost,
  eventPlace,
  eventPrice,
  eventPlaces,
  eventZone,
  loadEvent,
  myRsvp,
  OPEN_RSVP,
  RSVP_STATUS,
  type EventDoc,
} from '../../_lib/events'
import { Flash } from '../../_lib/Flash'
import { rsvpAsGuest } from '../../_lib/guestActions'
import { GuestFields } from '../../_lib/GuestFields'
import { guestOptions } from '../../_lib/guestOptions'
import { clock, dateTime, money, when, zoneAbbr } from '../../_lib/format'
import { cancelEventRsvp, rsvpToEvent } from '../../_lib/memberActions'
import { one } from '../../_lib/messages'
import { cancelPreview } from '../../_lib/cancelPreview'
import { refundedMessage, refundPlanText } from '../../_lib/refunds'
import { href, loadSite } from '../../_lib/site'
import { isMember, loadVisitor } from '../../_lib/visitor'
import { canonicalUrl, eventDocJsonLd, JsonLdScript } from '../../_lib/structuredData'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ tenant: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, id } = await params
  const site = await loadSite(tenant)
  if (!site) return {}
  const event = await loadEvent(site, id)
  if (!event) return { title: 'Event not found' }
  const zone = eventZone(site, event)
  return {
    title: `${event.title}, ${dateTime(event.startTime, zone)}`,
    description:
      event.description?.slice(0, 200) ||
      `${event.title} at ${site.name} on ${dateTime(event.startTime, zone)} (${zone}).`,
    alternates: { canonical: await canonicalUrl(site, `/events/${event.id}`) },
  }
}

const DONE: Record<string, string> = {
  rsvp_going: 'You are going. See you there!',
  rsvp_waitlisted: 'The event is full, so you are on the waitlist. We move you up automatically when places free up.',
  guest_going: 'You are going. We sent you a confirmation e-mail with a link to cancel your RSVP.',
  guest_waitlisted:
    'The event is full, so you are on the waitlist: we move you up automatically when places free up. We sent you a confirmation e-mail with a link to cancel.',
}

/** Guests a member may bring now: within `maxGuests`, and within the places left (or the event's size when joining its waitlist). */
const guestLimit = (event: EventDoc, placesLeft: number | null, joinsWaitlist: boolean) => {
  const max = event.maxGuests ?? 0
  if (placesLeft === null) return max
  if (joinsWaitlist) return Math.max(0, Math.min(max, (event.capacity ?? 1) - 1))
  return Math.max(0, Math.min(max, placesLeft - 1))
}

/** "Guests coming with you": 0 to `max` (a hidden 0 when none may come). */
const GuestCount = ({ max, priced }: { max: number; priced: boolean }) =>
  max > 0 ? (
    <div className="field">
      <label htmlFor="guests">Guests coming with you</label>
      <select id="guests" name="guests" defaultValue="0" aria-describedby="guests-hint">
        {Array.from({ length: max + 1 }, (_, n) => (
          <option key={n} value={n}>
            {n === 0 ? 'Just me' : n === 1 ? '1 guest' : `${n} guests`}
          </option>
        ))}
      </select>
      <p id="guests-hint" className="hint">
        Each guest takes a place{priced ? ' and is charged like you' : ''}.
      </p>
    </div>
  ) : (
    <input type="hidden" name="guests" value="0" />
  )

/** One event: when and where (in its zone), places, price, deadline; RSVP with guests, waitlist, and cancel with a confirm step. */
export default async function EventPage({ params, searchParams }: Props) {
  const { tenant, id } = await params
  const site = await loadSite(tenant)
  if (!site || !site.open) return null
  const event = await loadEvent(site, id)
  if (!event) notFound()
  const query = await searchParams
  const [visitor, guestsMay] = await Promise.all([loadVisitor(site), guestOptions(site)])
  const rsvp = await myRsvp(event.id, visitor)
  const zone = eventZone(site, event)
  const { placesLeft, waitlistSpotsLeft, hasWaitlist, closesAt, open } = eventPlaces(event)
  const page = href(site, `/events/${event.id}`)
  const started = Date.parse(event.startTime) <= new Date().getTime()
  const full = placesLeft !== null && placesLeft === 0
  const joinsWaitlist = full && hasWaitlist && waitlistSpotsLeft > 0
  const maxGuests = guestLimit(event, placesLeft, joinsWaitlist)
  const canRsvp = open && (!full || joinsWaitlist)
  const cancellable = Boolean(rsvp && OPEN_RSVP.includes(rsvp.status) && !started)
  const confirming = cancellable && rsvp && one(query.cancel) === rsvp.id
  const refund = confirming ? await cancelPreview('event-rsvps', rsvp.id, visitor?.user) : null
  const done = one(query.done)
  const guests = rsvp?.guests ?? 0
  const error = one(query.error)
  // A visitor without an account RSVPs by name and e-mail where the tenant allows it; their form shows its own errors.
  const guestForm = !visitor && guestsMay.eventRsvp && canRsvp && event.status !== 'cancelled'
  const guestDone = done === 'guest_going' || done === 'guest_waitlisted'
  const priced = eventCost(event, money) !== 'Free'
  // Guests have no credits or membership: a priced event is paid at the door, a credits-only one is free for them.
  const doorPrice = eventPrice(event)?.amount ? eventPrice(event) : null
  const jsonLd = await eventDocJsonLd(site, event)

  return (
    <article className="event-page" aria-labelledby="event-title">
      <JsonLdScript data={jsonLd} />
      <p>
        <a href={href(site, '/events')}>
          <span aria-hidden="true">←</span> All events
        </a>
      </p>
      <h1 id="event-title">{event.title}</h1>
      <Flash
        error={guestForm ? undefined : error}
        success={
          done === 'rsvp_cancelled' ? `Your RSVP is cancelled. ${refundedMessage(query)}`.trim() : (DONE[done] ?? null)
        }
      />
      {event.description ? <p className="lead">{event.description}</p> : null}
      <dl className="facts">
        <dt>When</dt>
        <dd>
          <time dateTime={event.startTime}>{dateTime(event.startTime, zone)}</time>
          {' – '}
          <time dateTime={event.endTime}>
            {new Date(event.endTime).getTime() - new Date(event.startTime).getTime() < 86_400_000
              ? clock(event.endTime, zone)
              : dateTime(event.endTime, zone)}
          </time>{' '}
          <abbr title={zone}>{zoneAbbr(event.startTime, zone)}</abbr>
        </dd>
        <dt>Where</dt>
        <dd>{eventPlace(site, event)}</dd>
        <dt>Price</dt>
        <dd>{eventCost(event, money)}</dd>
        <dt>Places</dt>
        <dd className="event-places">
          {event.status === 'cancelled' ? (
            <span className="badge badge-cancelled">Cancelled</span>
          ) : placesLeft === null ? (
            <span className="badge badge-open">Places available</span>
          ) : placesLeft > 0 ? (
            <span className="badge badge-open">{placesLeft === 1 ? '1 place left' : `${placesLeft} places left`}</span>
          ) : (
            <span className="badge badge-full">
              Full
              {hasWaitlist ? (
                <>
                  {' '}
                  – {event.waitlistCount ?? 0} on the waitlist{waitlistSpotsLeft > 0 ? '' : ' (waitlist full)'}
                </>
              ) : null}
            </span>
          )}
        </dd>
        {event.status !== 'cancelled' ? (
          <>
            <dt>RSVP by</dt>
            <dd>
              <time dateTime={closesAt}>{when(closesAt, zone)}</time>
            </dd>
          </>
        ) : null}
        {event.maxGuests ? (
          <>
            <dt>Guests</dt>
            <dd>Bring up to {event.maxGuests === 1 ? '1 guest' : `${event.maxGuests} guests`}</dd>
          </>
        ) : null}
      </dl>
      {event.status === 'cancelled' && event.cancellationReason ? (
        <p className="warning">Cancelled: {event.cancellationReason}</p>
      ) : null}

      <section className="panel" aria-labelledby="rsvp-title">
        <h2 id="rsvp-title">Your RSVP</h2>
        {rsvp ? (
          <>
            <p className="rsvp-status" data-status={rsvp.status}>
              <strong>{RSVP_STATUS[rsvp.status] ?? rsvp.status}</strong>
              {guests ? <> with {guests === 1 ? '1 guest' : `${guests} guests`}</> : null}
              {rsvp.status === 'waitlisted' && rsvp.waitlistPosition ? (
                <> – you are number {rsvp.waitlistPosition} on the waitlist</>
              ) : null}
            </p>
            {confirming ? (
              <div className="confirm" role="group" aria-labelledby="cancel-title">
                <h3 id="cancel-title">{rsvp.status === 'waitlisted' ? 'Leave the waitlist?' : 'Cancel your RSVP?'}</h3>
                <p>
                  {rsvp.status === 'waitlisted'
                    ? 'You give up your spot on the waitlist.'
                    : `Your ${guests ? `${1 + guests} places (you and your ${guests === 1 ? 'guest' : 'guests'})` : 'place'} ${guests ? 'go' : 'goes'} to the next person waiting.`}{' '}
                  {refund ? refundPlanText(refund, { paymentMethod: rsvp.paymentMethod, places: 1 + guests }) : null}
                </p>
                <form action={cancelEventRsvp} className="inline-actions">
                  <input type="hidden" name="site" value={site.key} />
                  <input type="hidden" name="event" value={event.id} />
                  <input type="hidden" name="rsvp" value={rsvp.id} />
                  <button type="submit" className="button button-danger">
                    {rsvp.status === 'waitlisted' ? 'Yes, leave the waitlist' : 'Yes, cancel my RSVP'}
                  </button>
                  <a href={page}>Keep my RSVP</a>
                </form>
              </div>
            ) : cancellable ? (
              <p>
                <a className="button button-secondary" href={`${page}?${new URLSearchParams({ cancel: rsvp.id })}`}>
                  {rsvp.status === 'waitlisted' ? 'Leave the waitlist…' : 'Cancel RSVP…'}
                </a>
              </p>
            ) : null}
          </>
        ) : event.status === 'cancelled' ? (
          <p className="muted">This event was cancelled.</p>
        ) : !open ? (
          <p className="muted">{started ? 'This event has already started.' : 'RSVPs for this event are closed.'}</p>
        ) : guestForm && guestDone ? (
          <p>
            <a href={page}>RSVP for someone else</a>
          </p>
        ) : guestForm ? (
          <>
            <p>
              <a href={`${href(site, '/login')}?${new URLSearchParams({ next: page })}`}>Log in</a> if you have an
              account, or RSVP with your name and e-mail:
            </p>
            <form action={rsvpAsGuest} className="stack guest-form" aria-label="RSVP without an account">
              <input type="hidden" name="site" value={site.key} />
              <input type="hidden" name="event" value={event.id} />
              <Flash error={error} />
              {joinsWaitlist ? (
                <p>The event is full. Join the waitlist and we move you up when places free up.</p>
              ) : null}
              <GuestFields error={error} />
              <GuestCount max={maxGuests} priced={Boolean(doorPrice)} />
              {doorPrice ? <p className="hint">You pay {money(doorPrice)} per place at the door.</p> : null}
              <button type="submit" className="button">
                {joinsWaitlist ? 'Join the waitlist' : 'RSVP'}
              </button>
            </form>
          </>
        ) : !visitor ? (
          <p>
            <a className="button" href={`${href(site, '/login')}?${new URLSearchParams({ next: page })}`}>
              Log in to RSVP
            </a>{' '}
            or <a href={`${href(site, '/signup')}?${new URLSearchParams({ next: page })}`}>create an account</a>
          </p>
        ) : !isMember(visitor) ? (
          <p>
            <a className="button" href={`${href(site, '/join')}?${new URLSearchParams({ next: page })}`}>
              Join {site.name} to RSVP
            </a>
          </p>
        ) : canRsvp ? (
          <form action={rsvpToEvent} className="stack">
            <input type="hidden" name="site" value={site.key} />
            <input type="hidden" name="event" value={event.id} />
            {joinsWaitlist ? <p>The event is full. Join the waitlist and we move you up when places free up.</p> : null}
            <GuestCount max={maxGuests} priced={priced} />
            <button type="submit" className="button">
              {joinsWaitlist ? 'Join the waitlist' : 'RSVP'}
            </button>
          </form>
        ) : (
          <p className="muted">{hasWaitlist ? 'This event and its waitlist are full.' : 'This event is full.'}</p>
        )}
      </section>
    </article>
  )
}
