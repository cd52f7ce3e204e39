import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { hasCollection } from '@/core'
import type { Booking, Class } from '@/payload-types'
import { book, cancelBooking } from '../../_lib/actions'
import type { BookingCancelPreview } from '@plugins/bookings/contract'
import { callEndpoint } from '../../_lib/callEndpoint'
import { claimOffer } from '../../_lib/memberActions'
import { Flash } from '../../_lib/Flash'
import { BOOKING_STATUS, clock, dateTime, money, when, zoneAbbr } from '../../_lib/format'
import { one } from '../../_lib/messages'
import { href, loadSite, payloadInstance, readPublicSchedule, type Site } from '../../_lib/site'
import { isMember, loadVisitor, type Visitor } from '../../_lib/visitor'
import { canonicalUrl, classJsonLd, JsonLdScript } from '../../_lib/structuredData'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ tenant: string; id: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ACTIVE = ['confirmed', 'waitlisted', 'offered', 'checked_in']

type ClassDoc = Class
type BookingDoc = Booking

/**
 * The class of THIS tenant with this id, or null (ids edited in the URL). Classes are public
 * content, read as an anonymous visitor (`overrideAccess: false`, no user): a signed-in member of
 * another tenant sees the same page as anyone else.
 */
const loadClass = async (site: Site, id: string): Promise<ClassDoc | null> => {
  if (!UUID.test(id)) return null
  const payload = await payloadInstance()
  if (!hasCollection(payload, 'classes')) return null
  const { docs } = await payload.find({
    collection: 'classes',
    where: { and: [{ id: { equals: id } }, { tenant: { equals: site.tenant.id } }] },
    limit: 1,
    depth: 0,
    overrideAccess: false,
  })
  return docs[0] ?? null
}

const myBooking = async (classId: string, visitor: Visitor | null): Promise<BookingDoc | null> => {
  if (!isMember(visitor)) return null
  const payload = await payloadInstance()
  const { docs } = await payload.find({
    collection: 'bookings',
    where: {
      and: [{ class: { equals: classId } }, { member: { equals: visitor.membership.id } }, { status: { in: ACTIVE } }],
    },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user: visitor.user,
  })
  return docs[0] ?? null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, id } = await params
  const site = await loadSite(tenant)
  if (!site) return {}
  const klass = await loadClass(site, id)
  if (!klass) return { title: 'Class not found' }
  const zone = klass.timezone ?? site.tenant.timezone
  return {
    title: `${klass.title}, ${dateTime(klass.startTime, zone)}`,
    description: `${klass.title} at ${site.name} on ${dateTime(klass.startTime, zone)} (${zone}).`,
    alternates: { canonical: await canonicalUrl(site, `/classes/${klass.id}`) },
  }
}

const DONE: Record<string, string> = {
  booked: 'You are booked. See you there!',
  waitlisted: 'The class is full, so you are on the waitlist. We move you up automatically when a place frees.',
  cancelled: 'Your booking is cancelled.',
  late_cancelled: 'Your booking is cancelled (late cancellation).',
}

/** One class: when and where (in its location's zone), places left, and booking / waitlist / cancellation. */
export default async function ClassPage({ params, searchParams }: Props) {
  const { tenant, id } = await params
  const site = await loadSite(tenant)
  if (!site || !site.open) return null
  const visitor = await loadVisitor(site)
  const klass = await loadClass(site, id)
  if (!klass) notFound()
  const query = await searchParams
  const zone = klass.timezone ?? site.tenant.timezone
  const start = new Date(klass.startTime)
  const entry = (
    await readPublicSchedule(site.tenant.slug, new Date(start.getTime() - 60_000), new Date(start.getTime() + 60_000))
  )?.find((e) => e.id === klass.id)
  const spotsLeft = Math.max(0, klass.capacity - (klass.bookedCount ?? 0))
  const waitlistSpotsLeft = Math.max(0, (klass.waitlistCapacity ?? 0) - (klass.waitlistCount ?? 0))
  const booking = await myBooking(klass.id, visitor)
  const page = href(site, `/classes/${klass.id}`)
  const bookable = klass.status === 'scheduled' && start.getTime() > new Date().getTime()
  const jsonLd = await classJsonLd(site, klass, entry)

  const wantsCancel =
    booking && one(query.cancel) === booking.id && ['confirmed', 'waitlisted', 'offered'].includes(booking.status)
  const preview = wantsCancel
    ? await callEndpoint<BookingCancelPreview>({
        collection: 'bookings',
        path: '/:id/cancel-preview',
        method: 'get',
        routeParams: { id: booking.id },
        user: visitor?.user,
      })
    : null

  return (
    <article className="class-page" aria-labelledby="class-title">
      <JsonLdScript data={jsonLd} />
      <p>
        <a href={href(site, '/schedule')}>
          <span aria-hidden="true">←</span> Back to the schedule
        </a>
      </p>
      <h1 id="class-title">{klass.title}</h1>
      <Flash error={one(query.error)} success={DONE[one(query.done)] ?? null} />
      <dl className="facts">
        <dt>When</dt>
        <dd>
          <time dateTime={klass.startTime}>{dateTime(klass.startTime, zone)}</time>
          {klass.endTime ? (
            <>
              {' – '}
              <time dateTime={klass.endTime}>{clock(klass.endTime, zone)}</time>
            </>
          ) : null}{' '}
          <abbr title={zone}>{zoneAbbr(klass.startTime, zone)}</abbr>
        </dd>
        <dt>Where</dt>
        <dd>{entry?.location?.name ?? 'Online'}</dd>
        {entry?.instructor?.name ? (
          <>
            <dt>Instructor</dt>
            <dd>{entry.instructor.name}</dd>
          </>
        ) : null}
        {entry?.price ? (
          <>
            <dt>Price</dt>
            <dd>{money(entry.price)}</dd>
          </>
        ) : null}
        <dt>Places</dt>
        <dd className="class-spots">
          {klass.status === 'cancelled' ? (
            <span className="badge badge-cancelled">Cancelled</span>
          ) : spotsLeft > 0 ? (
            <span className="badge badge-open">{spotsLeft === 1 ? '1 spot left' : `${spotsLeft} spots left`}</span>
          ) : (
            <span className="badge badge-full">
              Full – {klass.waitlistCount ?? 0} on the waitlist{waitlistSpotsLeft > 0 ? '' : ' (waitlist full)'}
            </span>
          )}
        </dd>
      </dl>

      <section className="panel" aria-labelledby="booking-title">
        <h2 id="booking-title">Your booking</h2>
        {booking ? (
          <>
            <p className="booking-status" data-status={booking.status}>
              <strong>{BOOKING_STATUS[booking.status] ?? booking.status}</strong>
              {booking.status === 'waitlisted' && booking.waitlistPosition ? (
                <> – you are number {booking.waitlistPosition} on the waitlist</>
              ) : null}
            </p>
            {booking.status === 'offered' ? (
              <form action={claimOffer} className="inline-actions">
                <input type="hidden" name="site" value={site.key} />
                <input type="hidden" name="booking" value={booking.id} />
                <p>
                  A place freed up and is held for you
                  {booking.offerExpiresAt ? <> until {when(booking.offerExpiresAt, zone)}</> : null}.
                </p>
                <button type="submit" className="button">
                  Claim the place
                </button>
              </form>
            ) : null}
            {preview ? (
              preview.ok ? (
                <div className="confirm" role="group" aria-labelledby="cancel-title">
                  <h3 id="cancel-title">Cancel this booking?</h3>
                  {preview.body.lateCancel ? (
                    <p className="warning">
                      This is a <strong>late cancellation</strong>: the class starts soon.{' '}
                      {preview.body.fee ? (
                        <>
                          A late-cancel fee of <strong>{money(preview.body.fee)}</strong> applies, and any credit used
                          is not returned.
                        </>
                      ) : (
                        <>
                          No fee this time ({preview.body.freeLateCancelsLeft} free late{' '}
                          {preview.body.freeLateCancelsLeft === 1 ? 'cancel' : 'cancels'} left this month), but any
                          credit used is not returned.
                        </>
                      )}
                    </p>
                  ) : (
                    <p>You can cancel free of charge; any credit used goes back to your account.</p>
                  )}
                  <form action={cancelBooking} className="inline-actions">
                    <input type="hidden" name="site" value={site.key} />
                    <input type="hidden" name="class" value={klass.id} />
                    <input type="hidden" name="booking" value={booking.id} />
                    <button type="submit" className="button button-danger">
                      Yes, cancel my booking
                    </button>
                    <a href={page}>Keep my booking</a>
                  </form>
                </div>
              ) : (
                <Flash error={preview.body.error} />
              )
            ) : ['confirmed', 'waitlisted', 'offered'].includes(booking.status) && bookable ? (
              <p>
                <a className="button button-secondary" href={`${page}?${new URLSearchParams({ cancel: booking.id })}`}>
                  {booking.status === 'waitlisted'
                    ? 'Leave the waitlist…'
                    : booking.status === 'offered'
                      ? 'Decline the place…'
                      : 'Cancel booking…'}
                </a>
              </p>
            ) : null}
          </>
        ) : !bookable ? (
          <p className="muted">
            {klass.status === 'cancelled' ? 'This class was cancelled.' : 'This class is no longer open for booking.'}
          </p>
        ) : !visitor ? (
          <p>
            <a className="button" href={`${href(site, '/login')}?${new URLSearchParams({ next: page })}`}>
              Log in to book
            </a>{' '}
            or <a href={`${href(site, '/signup')}?${new URLSearchParams({ next: page })}`}>create an account</a>
          </p>
        ) : !isMember(visitor) ? (
          <p>
            <a className="button" href={`${href(site, '/join')}?${new URLSearchParams({ next: page })}`}>
              Join {site.name} to book
            </a>
          </p>
        ) : spotsLeft > 0 || waitlistSpotsLeft > 0 ? (
          <form action={book}>
            <input type="hidden" name="site" value={site.key} />
            <input type="hidden" name="class" value={klass.id} />
            <button type="submit" className="button">
              {spotsLeft > 0 ? 'Book this class' : 'Join the waitlist'}
            </button>
          </form>
        ) : (
          <p className="muted">This class and its waitlist are full.</p>
        )}
      </section>
    </article>
  )
}
