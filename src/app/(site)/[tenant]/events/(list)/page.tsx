import { siteTag } from '@/core'
import type { Metadata } from 'next'
import { eventCost, eventPlace, eventPlaces, eventZone, loadUpcomingEvents } from '../../_lib/events'
import { dateTime, money, when, zoneAbbr } from '../../_lib/format'
import type { SitePageProps } from '../../_lib/pageProps'
import { href, loadSite, showsTags } from '../../_lib/site'
import { canonicalUrl, eventDocJsonLd, JsonLdScript } from '../../_lib/structuredData'

/** Cached; re-rendered when an event is saved or a place is taken or freed (`siteChanged(tenant, 'events')`). */
export const revalidate = 10

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  if (!site) return {}
  return {
    title: 'Events',
    description: `Workshops, open days and other events at ${site.name}: dates, places left and prices.`,
    alternates: { canonical: await canonicalUrl(site, '/events') },
  }
}

/** The tenant's upcoming events (times in each event's zone), each linking to its page with the RSVP form. */
export default async function EventsPage({ params }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  await showsTags(siteTag(site.tenant.id, 'events'))
  const events = (await loadUpcomingEvents(site)) ?? []
  const jsonLd = await Promise.all(events.map((event) => eventDocJsonLd(site, event)))
  return (
    <>
      <JsonLdScript data={jsonLd} />
      <h1>Events</h1>
      <p className="lead">Workshops, open days and special sessions. RSVP for yourself and your guests.</p>
      {events.length === 0 ? (
        <p className="muted">There are no upcoming events right now.</p>
      ) : (
        <ul className="cards">
          {events.map((event) => {
            const zone = eventZone(site, event)
            const { placesLeft, waitlistSpotsLeft, hasWaitlist, closesAt, open } = eventPlaces(event)
            const cancelled = event.status === 'cancelled'
            return (
              <li
                key={event.id}
                className={`card event-card${cancelled ? ' is-cancelled' : ''}`}
                data-event={event.title}
              >
                <h2 className="card-title">
                  <a href={href(site, `/events/${event.id}`)}>{event.title}</a>
                </h2>
                <p>
                  <time dateTime={event.startTime}>{dateTime(event.startTime, zone)}</time>{' '}
                  <abbr title={zone}>{zoneAbbr(event.startTime, zone)}</abbr>
                </p>
                <p className="muted">{eventPlace(site, event)}</p>
                <p>
                  <strong>{eventCost(event, money)}</strong>
                </p>
                <p className="event-places">
                  {cancelled ? (
                    <span className="badge badge-cancelled">Cancelled</span>
                  ) : placesLeft === null ? (
                    <span className="badge badge-open">Places available</span>
                  ) : placesLeft > 0 ? (
                    <span className="badge badge-open">
                      {placesLeft === 1 ? '1 place left' : `${placesLeft} places left`}
                    </span>
                  ) : (
                    <span className="badge badge-full">
                      {hasWaitlist && waitlistSpotsLeft > 0 ? 'Full – waitlist open' : 'Full'}
                    </span>
                  )}
                </p>
                {!cancelled ? (
                  <p className="hint">{open ? <>RSVP by {when(closesAt, zone)}</> : 'RSVPs are closed'}</p>
                ) : null}
                <p>
                  <a
                    className="button button-secondary"
                    href={href(site, `/events/${event.id}`)}
                    aria-label={`Details and RSVP for ${event.title}`}
                  >
                    Details and RSVP
                  </a>
                </p>
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}
