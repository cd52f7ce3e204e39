import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import type { CollectionSlug, DataFromCollectionSlug, Where } from 'payload'
import { hasCollection } from '@/core'
import { getEnv } from '@/core/env'
import type { Appointment, Booking, Invoice, Order, Subscription } from '@/payload-types'
import { updateConsents, updateProfile } from '../../_lib/actions'
import { BayReservations } from '../../_lib/BayReservations'
import { recentCalendarLink } from '../../_lib/calendarLink'
import { ContinueLearning } from '../../_lib/ContinueLearning'
import { MyCertificates } from '../../_lib/MyCertificates'
import { VerifyEmailNotice } from '../../_lib/VerifyEmailNotice'
import { Flash } from '../../_lib/Flash'
import {
  BOOKING_STATUS,
  INVOICE_STATUS,
  ORDER_STATUS,
  SUBSCRIPTION_STATUS,
  day,
  interval,
  money,
  shortDateTime,
  when,
  zoneAbbr,
} from '../../_lib/format'
import {
  cancelAppointment,
  claimOffer,
  issueCalendarLink,
  openBillingPortal,
  revokeCalendarLink,
} from '../../_lib/memberActions'
import { one } from '../../_lib/messages'
import type { SitePageProps } from '../../_lib/pageProps'
import { myUpcomingRsvps, RSVP_STATUS, type UpcomingRsvp } from '../../_lib/events'
import { publicStaffNames } from '../../_lib/providers'
import { cancelPreview } from '../../_lib/cancelPreview'
import { refundedMessage, refundPlanText } from '../../_lib/refunds'
import type { RefundPlan } from '@plugins/bookings/contract'
import { href, loadSite, payloadInstance, type Site } from '../../_lib/site'
import { isMember, loadVisitor, type Visitor } from '../../_lib/visitor'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: 'Your account', robots: { index: false } } : {}
}

/** A booking with its start time (the snapshot the account's queries select on). */
type BookingRow = Booking & { startTime: string }
const hasStart = (row: Booking): row is BookingRow => Boolean(row.startTime)
type SubscriptionRow = Subscription
type InvoiceRow = Invoice
type OrderRow = Order
type AppointmentRow = Appointment
type Member = Visitor & { membership: NonNullable<Visitor['membership']> }

const DONE: Record<string, string> = {
  profile: 'Your details are saved.',
  consents: 'Your communication choices are saved.',
  password: 'Your new password is saved and you are signed in.',
  claimed: 'The place is yours: you are booked.',
  calendar: 'Your calendar link is ready. Copy it now: for your privacy it is shown only once.',
  calendar_off: 'Your calendar link is turned off. Calendars subscribed to it stop updating.',
  appointment: 'Your appointment is booked.',
  appointment_cancelled: 'Your appointment is cancelled.',
  reserved_plan: 'Your membership is reserved. Pay at the front desk on your next visit to start it.',
  reserved_order: 'Your order is reserved. Pay at the front desk on your next visit.',
  bay_booked: 'Your bay is booked. Your door code is below.',
  bay_cancelled: 'Your bay reservation is cancelled.',
}

/** Everything below is read with the member's own access (`overrideAccess: false`, `user`). */
const readAccount = async (visitor: Member) => {
  const payload = await payloadInstance()
  // No page counts: the account shows the first rows of each list, so each read is one query, not two.
  const as = { overrideAccess: false as const, user: visitor.user, pagination: false as const }
  const member = { member: { equals: visitor.membership.id } }
  const now = new Date().toISOString()
  // Null when the collection's plugin is not installed (the account shows only what the platform offers).
  const find = async <S extends CollectionSlug>(
    collection: S,
    options: { where: Where; sort: string; limit: number; depth: number },
  ): Promise<DataFromCollectionSlug<S>[] | null> =>
    hasCollection(payload, collection) ? (await payload.find({ collection, ...options, ...as })).docs : null
  const [upcoming, past, credits, consents, subscriptions, invoices, orders, appointments, rsvps] = await Promise.all([
    find('bookings', {
      where: { and: [member, { startTime: { greater_than: now } }] },
      sort: 'startTime',
      limit: 50,
      depth: 1,
    }),
    find('bookings', {
      where: { and: [member, { startTime: { less_than_equal: now } }] },
      sort: '-startTime',
      limit: 20,
      depth: 1,
    }),
    find('credit-lots', {
      where: {
        and: [
          member,
          { remainingCredits: { greater_than: 0 } },
          { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now } }] },
        ],
      },
      sort: 'expiresAt',
      limit: 50,
      depth: 0,
    }),
    payload.find({
      collection: 'consents',
      where: { and: [member, { revokedAt: { exists: false } }] },
      limit: 20,
      depth: 0,
      ...as,
    }),
    find('subscriptions', {
      where: { and: [member, { status: { not_equals: 'canceled' } }] },
      sort: '-createdAt',
      limit: 10,
      depth: 1,
    }),
    find('invoices', { where: member, sort: '-createdAt', limit: 20, depth: 0 }),
    find('orders', { where: member, sort: '-createdAt', limit: 20, depth: 0 }),
    find('appointments', {
      where: { and: [member, { status: { equals: 'booked' } }, { endTime: { greater_than: now } }] },
      sort: 'startTime',
      limit: 20,
      depth: 1,
    }),
    myUpcomingRsvps(visitor),
  ])
  return {
    upcoming: (upcoming ?? []).filter(hasStart),
    past: (past ?? []).filter(hasStart),
    credits,
    consents: new Set(consents.docs.map((row) => row.type)),
    subscriptions,
    invoices,
    orders,
    appointments,
    rsvps,
  }
}

const SiteField = ({ site }: { site: Site }) => <input type="hidden" name="site" value={site.key} />

const BookingList = ({ rows, site, label }: { rows: BookingRow[]; site: Site; label: string }) =>
  rows.length === 0 ? (
    <p className="muted">{label}</p>
  ) : (
    <ul className="bookings">
      {rows.map((row) => {
        const klass = row.class && typeof row.class === 'object' ? row.class : null
        const tz = klass?.timezone ?? site.tenant.timezone
        return (
          <li key={row.id} className="booking-row" data-status={row.status}>
            <span className="booking-when">
              <time dateTime={row.startTime}>{shortDateTime(row.startTime, tz)}</time>{' '}
              <abbr title={tz}>{zoneAbbr(row.startTime, tz)}</abbr>
            </span>
            <span className="booking-title">
              {klass ? <a href={href(site, `/classes/${klass.id}`)}>{klass.title}</a> : 'Class'}
            </span>
            <span className={`badge badge-${row.status}`}>
              {BOOKING_STATUS[row.status] ?? row.status}
              {row.status === 'waitlisted' && row.waitlistPosition ? ` · #${row.waitlistPosition}` : ''}
            </span>
            {row.status === 'offered' ? (
              <form action={claimOffer} className="booking-offer inline-actions">
                <SiteField site={site} />
                <input type="hidden" name="booking" value={row.id} />
                <span>
                  A place freed up for you
                  {row.offerExpiresAt ? <> – claim it by {when(row.offerExpiresAt, tz)}</> : null}.
                </span>
                <button type="submit" className="button">
                  Claim the place
                </button>
              </form>
            ) : null}
          </li>
        )
      })}
    </ul>
  )

const planOf = (row: SubscriptionRow) => (typeof row.plan === 'object' ? row.plan : null)

const SubscriptionList = ({ rows, site, online }: { rows: SubscriptionRow[]; site: Site; online: boolean }) => {
  // Stripe's customer portal manages what was bought online; manual memberships are changed at the desk.
  const zone = site.tenant.timezone
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">
          You have no membership plan. <a href={href(site, '/pricing')}>See plans and prices</a>
        </p>
      ) : (
        <ul className="plain-list">
          {rows.map((row) => {
            const plan = planOf(row)
            const price = plan?.prices?.find((p) => p.key === row.priceKey)
            return (
              <li key={row.id} className="subscription" data-status={row.status}>
                <h3>{plan?.name ?? 'Membership'}</h3>
                <p>
                  <span className={`badge badge-sub-${row.status}`}>
                    {row.status === 'incomplete' && row.provider === 'stripe'
                      ? 'Payment pending'
                      : (SUBSCRIPTION_STATUS[row.status] ?? row.status)}
                  </span>
                  {price ? (
                    <>
                      {' '}
                      {money(price)} / {interval(price.interval, price.intervalCount)}
                    </>
                  ) : null}
                </p>
                <p className="muted">
                  {row.status === 'trialing' && row.trialEnd ? <>Free trial until {day(row.trialEnd, zone)}. </> : null}
                  {row.status === 'paused' ? (
                    <>
                      Paused{row.pausedAt ? ` since ${day(row.pausedAt, zone)}` : ''}: it does not cover bookings until
                      it is resumed.{' '}
                    </>
                  ) : null}
                  {row.currentPeriodEnd && row.status !== 'incomplete' ? (
                    row.cancelAtPeriodEnd ? (
                      <>Ends on {day(row.currentPeriodEnd, zone)} (cancelled at the end of the period).</>
                    ) : (
                      <>
                        Current period ends {day(row.currentPeriodEnd, zone)}
                        {row.status === 'active' || row.status === 'trialing' ? ', then renews' : ''}.
                      </>
                    )
                  ) : null}
                  {row.status === 'incomplete' && row.provider !== 'stripe' ? (
                    <>Pay the invoice below at the front desk to start it.</>
                  ) : null}
                </p>
              </li>
            )
          })}
        </ul>
      )}
      {online ? (
        <form action={openBillingPortal}>
          <SiteField site={site} />
          <button type="submit" className="button button-secondary">
            Manage subscription
          </button>
          <p className="hint">
            Change your card, see Stripe invoices or cancel, on our payment provider’s secure page.
          </p>
        </form>
      ) : rows.length ? (
        <p className="hint">
          To change, pause or cancel your membership, ask at the front desk
          {site.contactEmail ? (
            <>
              {' '}
              or write to <a href={`mailto:${site.contactEmail}`}>{site.contactEmail}</a>
            </>
          ) : null}
          .
        </p>
      ) : null}
    </>
  )
}

const Receipts = ({
  invoices,
  orders,
  site,
}: {
  invoices: InvoiceRow[] | null
  orders: OrderRow[] | null
  site: Site
}) => {
  const rows = [
    ...(invoices ?? []).map((row) => ({
      kind: 'invoice',
      id: row.id,
      number: row.number,
      total: row.amount,
      status: row.status,
      label: INVOICE_STATUS[row.status] ?? row.status,
      at: row.createdAt,
      due: row.status === 'open',
    })),
    ...(orders ?? []).map((row) => ({
      kind: 'order',
      id: row.id,
      number: row.number,
      total: { amount: row.total, currency: row.currency },
      status: row.status,
      label: ORDER_STATUS[row.status] ?? row.status,
      at: row.createdAt,
      due: row.status === 'pending',
    })),
  ].sort((a, b) => b.at.localeCompare(a.at))
  if (rows.length === 0) return <p className="muted">No receipts yet.</p>
  return (
    <div className="table-scroll">
      <table className="receipts">
        <caption className="sr-only">Invoices and orders</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Number</th>
            <th scope="col">Total</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.kind}-${row.id}`} data-kind={row.kind} data-status={row.status}>
              <td>{day(row.at, site.tenant.timezone)}</td>
              <td>
                <a href={href(site, `/account/receipts/${row.kind}/${row.id}`)}>{row.number}</a>
                <span className="muted"> {row.kind === 'invoice' ? 'invoice' : 'order'}</span>
              </td>
              <td className="num">{money(row.total)}</td>
              <td>
                <span className={`badge ${row.due ? 'badge-due' : ''}`}>{row.label}</span>
                {row.due ? <span className="hint"> pay at the front desk</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const AppointmentList = ({
  rows,
  site,
  names,
  confirming,
  refund,
}: {
  rows: AppointmentRow[]
  site: Site
  names: Map<string, string>
  confirming: string
  /** What cancelling the appointment being confirmed gives back (the plugin's cancel preview). */
  refund: RefundPlan | null
}) =>
  rows.length === 0 ? (
    <p className="muted">No upcoming appointments.</p>
  ) : (
    <ul className="bookings">
      {rows.map((row) => {
        const zone = row.timezone ?? site.tenant.timezone
        const service = row.service && typeof row.service === 'object' ? row.service : null
        const provider = names.get(typeof row.provider === 'object' ? row.provider.id : row.provider)
        const what = `${service?.title ?? 'appointment'} on ${shortDateTime(row.startTime, zone)}`
        return (
          <li key={row.id} className="booking-row appointment-row" data-status={row.status}>
            <span className="booking-when">
              <time dateTime={row.startTime}>{shortDateTime(row.startTime, zone)}</time>{' '}
              <abbr title={zone}>{zoneAbbr(row.startTime, zone)}</abbr>
            </span>
            <span className="booking-title">
              {service?.title ?? 'Appointment'}
              {provider ? <span className="muted"> with {provider}</span> : null}
            </span>
            {confirming === row.id ? (
              <div className="confirm booking-offer" role="group" aria-labelledby={`cancel-${row.id}`}>
                <h3 id={`cancel-${row.id}`}>Cancel this appointment?</h3>
                <p>
                  The time is freed for someone else. There is no cancellation fee.{' '}
                  {refund ? refundPlanText(refund, { paymentMethod: row.paymentMethod }) : null}
                </p>
                <form action={cancelAppointment} className="inline-actions">
                  <SiteField site={site} />
                  <input type="hidden" name="appointment" value={row.id} />
                  <button type="submit" className="button button-danger">
                    Yes, cancel the appointment
                  </button>
                  <a href={`${href(site, '/account')}#appointments-title`}>Keep it</a>
                </form>
              </div>
            ) : (
              <a
                href={`${href(site, '/account')}?${new URLSearchParams({ cancelAppointment: row.id })}#cancel-${row.id}`}
                aria-label={`Cancel ${what}…`}
              >
                Cancel…
              </a>
            )}
          </li>
        )
      })}
    </ul>
  )

const RsvpList = ({ rows, site }: { rows: UpcomingRsvp[]; site: Site }) =>
  rows.length === 0 ? (
    <p className="muted">No upcoming events.</p>
  ) : (
    <ul className="bookings">
      {rows.map((row) => {
        const zone = row.event.timezone || site.tenant.timezone
        const page = href(site, `/events/${row.event.id}`)
        const guests = row.guests ?? 0
        return (
          <li key={row.id} className="booking-row rsvp-row" data-status={row.status}>
            <span className="booking-when">
              <time dateTime={row.event.startTime}>{shortDateTime(row.event.startTime, zone)}</time>{' '}
              <abbr title={zone}>{zoneAbbr(row.event.startTime, zone)}</abbr>
            </span>
            <span className="booking-title">
              <a href={page}>{row.event.title}</a>
              {guests ? <span className="muted"> · you + {guests === 1 ? '1 guest' : `${guests} guests`}</span> : null}
            </span>
            <span className={`badge badge-${row.status === 'going' ? 'confirmed' : row.status}`}>
              {RSVP_STATUS[row.status] ?? row.status}
              {row.status === 'waitlisted' && row.waitlistPosition ? ` · #${row.waitlistPosition}` : ''}
            </span>
            {!row.started ? (
              <a
                href={`${page}?${new URLSearchParams({ cancel: row.id })}`}
                aria-label={`Cancel RSVP for ${row.event.title}…`}
              >
                Cancel…
              </a>
            ) : null}
          </li>
        )
      })}
    </ul>
  )

/** The member's account: bookings, appointments, membership, receipts, credits, calendar feed, profile and consents. */
export default async function AccountPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const query = await searchParams
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(`${href(site, '/login')}?${new URLSearchParams({ next: href(site, '/account') })}`)
  if (!isMember(visitor)) redirect(`${href(site, '/join')}?${new URLSearchParams({ next: href(site, '/account') })}`)
  const [account, names, calendarUrl] = await Promise.all([
    readAccount(visitor),
    publicStaffNames(site),
    recentCalendarLink(site.tenant.id),
  ])
  const zone = site.tenant.timezone
  const online = Boolean(getEnv().STRIPE_SECRET_KEY)
  const confirmingAppointment = one(query.cancelAppointment)
  const appointmentRefund = account.appointments?.some((row) => row.id === confirmingAppointment)
    ? await cancelPreview('appointments', confirmingAppointment, visitor.user)
    : null

  return (
    <>
      <h1>Your account</h1>
      <p className="muted">
        Signed in as {visitor.user.email}
        {visitor.membership.status === 'frozen' ? ' · your membership is frozen' : ''}.
      </p>
      <Flash
        error={one(query.error)}
        success={
          query.welcome
            ? `Welcome to ${site.name}!`
            : one(query.done) === 'appointment_cancelled'
              ? `${DONE.appointment_cancelled} ${refundedMessage(query)}`.trim()
              : (DONE[one(query.done)] ?? null)
        }
      />

      {/* ---- email verification ---- */}
      <VerifyEmailNotice site={site} visitor={visitor} />
      {/* ---- /email verification ---- */}
      <ContinueLearning site={site} visitor={visitor} />
      <MyCertificates site={site} visitor={visitor} />

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">Upcoming bookings</h2>
        <BookingList rows={account.upcoming} site={site} label="No upcoming bookings." />
        <p>
          <a href={href(site, '/schedule')}>Book a class</a>
        </p>
      </section>

      {account.rsvps ? (
        <section aria-labelledby="events-title">
          <h2 id="events-title">Events</h2>
          <RsvpList rows={account.rsvps} site={site} />
          <p>
            <a href={href(site, '/events')}>See upcoming events</a>
          </p>
        </section>
      ) : null}

      {account.appointments ? (
        <section aria-labelledby="appointments-title">
          <h2 id="appointments-title">Appointments</h2>
          <AppointmentList
            rows={account.appointments}
            site={site}
            names={names}
            confirming={confirmingAppointment}
            refund={appointmentRefund}
          />
          <p>
            <a href={href(site, '/appointments')}>Book an appointment</a>
          </p>
        </section>
      ) : null}

      <BayReservations
        site={site}
        user={visitor.user}
        membership={visitor.membership.id}
        confirming={one(query.cancelBay)}
      />

      <section aria-labelledby="past-title">
        <h2 id="past-title">Past bookings</h2>
        <BookingList rows={account.past} site={site} label="No past bookings yet." />
      </section>

      {account.subscriptions ? (
        <section aria-labelledby="subscription-title" className="panel">
          <h2 id="subscription-title">Membership</h2>
          <SubscriptionList
            rows={account.subscriptions}
            site={site}
            online={
              online &&
              (account.subscriptions.some((row) => row.provider === 'stripe') ||
                Boolean(visitor.membership.stripeCustomerId))
            }
          />
        </section>
      ) : null}

      {account.credits ? (
        <section aria-labelledby="credits-title">
          <h2 id="credits-title">Credits</h2>
          {account.credits.length === 0 ? (
            <p className="muted">You have no credits.</p>
          ) : (
            <ul className="credits">
              {account.credits.map((lot) => (
                <li key={lot.id}>
                  <strong>{lot.remainingCredits}</strong> {lot.creditType.replace(/_/g, ' ')}{' '}
                  {lot.remainingCredits === 1 ? 'credit' : 'credits'}
                  {lot.expiresAt ? <>, expires {day(lot.expiresAt, zone)}</> : ', no expiry'}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {account.invoices || account.orders ? (
        <section aria-labelledby="receipts-title">
          <h2 id="receipts-title">Receipts</h2>
          <Receipts invoices={account.invoices} orders={account.orders} site={site} />
        </section>
      ) : null}

      <section aria-labelledby="calendar-title" className="panel">
        <h2 id="calendar-title">Your calendar</h2>
        {calendarUrl ? (
          <div className="calendar-link">
            <p>
              Add this private link to your calendar app (it lists your bookings and appointments and updates by
              itself):
            </p>
            <div className="field">
              <label htmlFor="calendar-url">Calendar link</label>
              <input id="calendar-url" type="text" readOnly value={calendarUrl} />
            </div>
            <p>
              <a className="button button-secondary" href={calendarUrl.replace(/^https?:/, 'webcal:')}>
                Open in my calendar app
              </a>
            </p>
            <p className="hint">
              Keep it to yourself: anyone with the link sees your schedule. For your privacy it is shown only now.
            </p>
          </div>
        ) : (
          <p>
            Subscribe to your bookings and appointments in Google Calendar, Apple Calendar or Outlook with a private
            link.
          </p>
        )}
        <div className="inline-actions">
          <form action={issueCalendarLink}>
            <SiteField site={site} />
            <button type="submit" className="button">
              {calendarUrl ? 'Make a new link' : 'Get my calendar link'}
            </button>
          </form>
          <form action={revokeCalendarLink}>
            <SiteField site={site} />
            <button type="submit" className="link-button">
              Turn my calendar link off
            </button>
          </form>
        </div>
        <p className="hint">A new link replaces the old one, which stops working.</p>
      </section>

      <section aria-labelledby="profile-title" className="panel">
        <h2 id="profile-title">Your details</h2>
        <form action={updateProfile} className="stack">
          <SiteField site={site} />
          <div className="field">
            <label htmlFor="profile-name">Name</label>
            <input
              id="profile-name"
              name="name"
              type="text"
              autoComplete="name"
              required
              maxLength={120}
              defaultValue={visitor.user.name ?? ''}
            />
          </div>
          <div className="field">
            <label htmlFor="profile-phone">Phone</label>
            <input
              id="profile-phone"
              name="phone"
              type="tel"
              autoComplete="tel"
              maxLength={40}
              defaultValue={visitor.user.phone ?? ''}
            />
          </div>
          <button type="submit" className="button">
            Save details
          </button>
        </form>
      </section>

      <section aria-labelledby="consents-title" className="panel">
        <h2 id="consents-title">Messages from {site.name}</h2>
        <form action={updateConsents} className="stack">
          <SiteField site={site} />
          <fieldset>
            <legend>Send me news and offers by</legend>
            <div className="check">
              <input
                id="consent-email"
                name="email_marketing"
                type="checkbox"
                defaultChecked={account.consents.has('email_marketing')}
              />
              <label htmlFor="consent-email">Email</label>
            </div>
            <div className="check">
              <input id="consent-sms" name="sms" type="checkbox" defaultChecked={account.consents.has('sms')} />
              <label htmlFor="consent-sms">Text message (SMS)</label>
            </div>
            <div className="check">
              <input id="consent-push" name="push" type="checkbox" defaultChecked={account.consents.has('push')} />
              <label htmlFor="consent-push">Push notification</label>
            </div>
          </fieldset>
          <button type="submit" className="button">
            Save choices
          </button>
        </form>
        <p className="muted">Booking confirmations and reminders are sent either way.</p>
      </section>
    </>
  )
}
