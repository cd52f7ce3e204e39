import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { fromWallTime, localDate } from '@/core'
import type { Slot } from '@plugins/bookings/contract'
import { callEndpoint } from '../../_lib/callEndpoint'
import { Flash } from '../../_lib/Flash'
import { clock, dateTime, money, zoneAbbr } from '../../_lib/format'
import { bookAsGuest } from '../../_lib/guestActions'
import { GuestFields } from '../../_lib/GuestFields'
import { guestMayBook, guestOptions } from '../../_lib/guestOptions'
import { bookAppointment } from '../../_lib/memberActions'
import { one } from '../../_lib/messages'
import { publicStaffNames } from '../../_lib/providers'
import {
  loadServices,
  providerIds,
  serviceLocation,
  servicePrice,
  serviceZone,
  type ServiceDoc,
} from '../../_lib/services'
import { href, loadSite, type Site } from '../../_lib/site'
import { isMember, loadVisitor } from '../../_lib/visitor'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ tenant: string; serviceId: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const DAY = 86_400_000
const DAYS_SHOWN = 7
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** Calendar arithmetic on `YYYY-MM-DD` strings (no time zone involved). */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
const validDate = (date: string) =>
  ISO_DATE.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && addDays(date, 0) === date
const midnight = (date: string, zone: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return fromWallTime({ year, month, day, hour: 0, minute: 0 }, zone)
}
const dayHeading = (date: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  )

const service = async (site: Site, id: string): Promise<ServiceDoc | null> =>
  (await loadServices(site, id))?.[0] ?? null

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, serviceId } = await params
  const site = await loadSite(tenant)
  if (!site) return {}
  const found = await service(site, serviceId)
  if (!found) return { title: 'Appointment not found' }
  return {
    title: `Book ${found.title}`,
    description: `Free times for ${found.title} (${found.durationMinutes} minutes) at ${site.name}.`,
  }
}

/**
 * One appointment service: choose a provider and a week, see the free times from
 * `GET /api/appointment-services/:id/slots` in the service location's zone, and book one.
 * 404 for another tenant's service or an unknown id.
 */
export default async function ServicePage({ params, searchParams }: Props) {
  const { tenant, serviceId } = await params
  const site = await loadSite(tenant)
  if (!site || !site.open) return null
  const found = await service(site, serviceId)
  if (!found) notFound()
  const query = await searchParams
  const zone = serviceZone(site, found)
  const today = localDate(new Date(), zone)
  const requested = one(query.day)
  const start = validDate(requested) && requested > today ? requested : today
  const providers = providerIds(found)
  const provider = providers.includes(one(query.provider)) ? one(query.provider) : ''
  const [visitor, guestsMay, names, answer] = await Promise.all([
    loadVisitor(site),
    guestOptions(site),
    publicStaffNames(site),
    callEndpoint<{ slots?: Slot[] }>({
      collection: 'appointment-services',
      path: '/:id/slots',
      method: 'get',
      routeParams: { id: found.id },
      query: {
        from: midnight(start, zone).toISOString(),
        to: midnight(addDays(start, DAYS_SHOWN), zone).toISOString(),
        ...(provider ? { provider } : {}),
      },
    }),
  ])
  const nameOf = (id: string) =>
    names.get(id) ?? (providers.length > 1 ? `Staff member ${providers.indexOf(id) + 1}` : null)
  const slots = answer.ok ? (answer.body.slots ?? []) : []
  const days = Array.from({ length: DAYS_SHOWN }, (_, i) => addDays(start, i))
  const byDay = new Map(days.map((d) => [d, [] as Slot[]]))
  for (const slot of slots) byDay.get(localDate(new Date(slot.startTime), zone))?.push(slot)
  const page = href(site, `/appointments/${found.id}`)
  const link = (day: string) => `${page}?${new URLSearchParams({ day, ...(provider ? { provider } : {}) })}`
  const price = servicePrice(found)
  const location = serviceLocation(site, found)
  const member = isMember(visitor)
  const group = (found.capacity ?? 1) > 1
  // A visitor without an account books an intro session by name, e-mail and phone where the tenant allows it.
  const asGuest = !visitor && guestMayBook(guestsMay, found)
  const guestSection = asGuest && slots.length > 0
  const error = one(query.error) || (answer.ok ? undefined : (answer.body.error ?? 'failed'))
  const bookedAt =
    one(query.done) === 'guest_booked' && !Number.isNaN(Date.parse(one(query.at)))
      ? new Date(one(query.at)).toISOString()
      : null

  return (
    <article aria-labelledby="service-title">
      <p>
        <a href={href(site, '/appointments')}>
          <span aria-hidden="true">←</span> All appointments
        </a>
      </p>
      <h1 id="service-title">{found.title}</h1>
      {found.description ? <p className="lead">{found.description}</p> : null}
      <Flash
        error={guestSection ? undefined : error}
        success={
          bookedAt
            ? `You are booked for ${dateTime(bookedAt, zone)} (${zoneAbbr(bookedAt, zone)}). We sent you a confirmation e-mail with a link to cancel.`
            : null
        }
      />
      <dl className="facts">
        <dt>Length</dt>
        <dd>{found.durationMinutes} minutes</dd>
        {group ? (
          <>
            <dt>Group</dt>
            <dd>Up to {found.capacity} people per time</dd>
          </>
        ) : null}
        <dt>Price</dt>
        <dd>
          {price
            ? money(price)
            : found.creditCost
              ? `${found.creditCost} ${found.creditCost === 1 ? 'credit' : 'credits'}`
              : 'Free'}
        </dd>
        <dt>Where</dt>
        <dd>
          {found.deliveryMode === 'virtual'
            ? 'Online (you get the link by e-mail)'
            : (location?.name ?? 'At the studio')}
        </dd>
        <dt>Times shown in</dt>
        <dd>{zone.replace(/_/g, ' ')}</dd>
      </dl>

      <form method="get" action={page} className="filters" aria-label="Choose who and when">
        {providers.length > 1 ? (
          <div className="field">
            <label htmlFor="provider">With</label>
            <select id="provider" name="provider" defaultValue={provider}>
              <option value="">Anyone available</option>
              {providers.map((id) => (
                <option key={id} value={id}>
                  {nameOf(id)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="day">From</label>
          <input id="day" name="day" type="date" min={today} defaultValue={start} />
        </div>
        <button type="submit" className="button">
          Show free times
        </button>
      </form>

      <nav className="week-nav" aria-label="Weeks">
        {start > today ? (
          <a href={link(addDays(start, -DAYS_SHOWN) < today ? today : addDays(start, -DAYS_SHOWN))}>← Earlier</a>
        ) : (
          <span />
        )}
        <a href={link(addDays(start, DAYS_SHOWN))}>Later →</a>
      </nav>

      <form action={asGuest ? bookAsGuest : bookAppointment} className="slots">
        <input type="hidden" name="site" value={site.key} />
        <input type="hidden" name="service" value={found.id} />
        <input type="hidden" name="day" value={start} />
        {slots.length === 0 ? (
          <p className="muted">
            No free times in these seven days. Try later dates
            {providers.length > 1 && provider ? ' or anyone available' : ''}.
          </p>
        ) : (
          days.map((date) => {
            const list = byDay.get(date) ?? []
            if (list.length === 0) return null
            return (
              <fieldset key={date} className="slot-day">
                <legend>{dayHeading(date)}</legend>
                <div className="slot-grid">
                  {list.map((slot) => {
                    const id = `slot-${slot.provider.slice(0, 8)}-${Date.parse(slot.startTime)}`
                    const who = providers.length > 1 ? nameOf(slot.provider) : null
                    return (
                      <div key={id} className="slot">
                        <input id={id} type="radio" name="slot" value={`${slot.provider}|${slot.startTime}`} required />
                        <label htmlFor={id}>
                          <time dateTime={slot.startTime}>{clock(slot.startTime, zone)}</time>{' '}
                          <abbr title={zone}>{zoneAbbr(slot.startTime, zone)}</abbr>
                          {who ? <span className="muted"> · {who}</span> : null}
                          {group && slot.placesLeft != null ? (
                            <span className="slot-places">
                              {' '}
                              · {slot.placesLeft === 1 ? '1 place left' : `${slot.placesLeft} places left`}
                            </span>
                          ) : null}
                        </label>
                      </div>
                    )
                  })}
                </div>
              </fieldset>
            )
          })
        )}
        {slots.length === 0 ? null : guestSection ? (
          <section className="stack guest-form" aria-labelledby="guest-title">
            <h2 id="guest-title">Your details</h2>
            <Flash error={error} />
            <p>
              No account needed.{' '}
              <a href={`${href(site, '/login')}?${new URLSearchParams({ next: link(start) })}`}>Log in</a> instead if
              you have one.
            </p>
            <GuestFields error={error} phoneRequired />
            {price ? <p className="hint">You pay {money(price)} at the studio.</p> : null}
            <button type="submit" className="button">
              Book this time
            </button>
          </section>
        ) : member ? (
          <button type="submit" className="button">
            Book this time
          </button>
        ) : visitor ? (
          <p>
            <a className="button" href={`${href(site, '/join')}?${new URLSearchParams({ next: link(start) })}`}>
              Join {site.name} to book
            </a>
          </p>
        ) : (
          <p>
            <a className="button" href={`${href(site, '/login')}?${new URLSearchParams({ next: link(start) })}`}>
              Log in to book
            </a>{' '}
            or <a href={`${href(site, '/signup')}?${new URLSearchParams({ next: link(start) })}`}>create an account</a>
          </p>
        )}
      </form>
    </article>
  )
}
