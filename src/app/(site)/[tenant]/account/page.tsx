import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { updateConsents, updateProfile } from '../_lib/actions'
import { Flash } from '../_lib/Flash'
import { BOOKING_STATUS, day, shortDateTime, zoneAbbr } from '../_lib/format'
import { one } from '../_lib/messages'
import type { SitePageProps } from '../_lib/pageProps'
import { href, loadSite, payloadInstance } from '../_lib/site'
import { isMember, loadVisitor, type Visitor } from '../_lib/visitor'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: 'Your account', robots: { index: false } } : {}
}

type BookingRow = {
  id: string
  status: string
  startTime: string
  waitlistPosition?: number | null
  class?: { id: string; title: string; timezone?: string | null } | string | null
}
type CreditLot = { id: string; creditType: string; remainingCredits: number; expiresAt?: string | null }
type Member = Visitor & { membership: NonNullable<Visitor['membership']> }

const DONE: Record<string, string> = {
  profile: 'Your details are saved.',
  consents: 'Your communication choices are saved.',
  password: 'Your new password is saved and you are signed in.',
}

/** Everything below is read with the member's own access (`overrideAccess: false`, `user`). */
const readAccount = async (visitor: Member) => {
  const payload = await payloadInstance()
  const as = { overrideAccess: false as const, user: visitor.user }
  const member = { member: { equals: visitor.membership.id } }
  const now = new Date().toISOString()
  const [upcoming, past, credits, consents] = await Promise.all([
    payload.collections['bookings' as never]
      ? payload.find({ collection: 'bookings' as never, where: { and: [member, { startTime: { greater_than: now } }] }, sort: 'startTime', limit: 50, depth: 1, ...as })
      : null,
    payload.collections['bookings' as never]
      ? payload.find({ collection: 'bookings' as never, where: { and: [member, { startTime: { less_than_equal: now } }] }, sort: '-startTime', limit: 20, depth: 1, ...as })
      : null,
    payload.collections['credit-lots' as never]
      ? payload.find({
          collection: 'credit-lots' as never,
          where: { and: [member, { remainingCredits: { greater_than: 0 } }, { or: [{ expiresAt: { exists: false } }, { expiresAt: { greater_than: now } }] }] },
          sort: 'expiresAt',
          limit: 50,
          depth: 0,
          ...as,
        })
      : null,
    payload.find({ collection: 'consents', where: { and: [member, { revokedAt: { exists: false } }] }, limit: 20, depth: 0, ...as }),
  ])
  return {
    upcoming: (upcoming?.docs ?? []) as unknown as BookingRow[],
    past: (past?.docs ?? []) as unknown as BookingRow[],
    credits: credits ? (credits.docs as unknown as CreditLot[]) : null,
    consents: new Set(consents.docs.map((row) => row.type)),
  }
}

const BookingList = ({ rows, zone, base, label }: { rows: BookingRow[]; zone: string; base: string; label: string }) =>
  rows.length === 0 ? (
    <p className="muted">{label}</p>
  ) : (
    <ul className="bookings">
      {rows.map((row) => {
        const klass = row.class && typeof row.class === 'object' ? row.class : null
        const tz = klass?.timezone ?? zone
        return (
          <li key={row.id} className="booking-row" data-status={row.status}>
            <span className="booking-when">
              <time dateTime={row.startTime}>{shortDateTime(row.startTime, tz)}</time> <abbr title={tz}>{zoneAbbr(row.startTime, tz)}</abbr>
            </span>
            <span className="booking-title">{klass ? <a href={`${base}/classes/${klass.id}`}>{klass.title}</a> : 'Class'}</span>
            <span className={`badge badge-${row.status}`}>
              {BOOKING_STATUS[row.status] ?? row.status}
              {row.status === 'waitlisted' && row.waitlistPosition ? ` · #${row.waitlistPosition}` : ''}
            </span>
          </li>
        )
      })}
    </ul>
  )

/** The member's account: bookings, waitlist places, credits, profile and marketing consents. */
export default async function AccountPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const query = await searchParams
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(`${href(site, '/login')}?${new URLSearchParams({ next: href(site, '/account') })}`)
  if (!isMember(visitor)) redirect(`${href(site, '/join')}?${new URLSearchParams({ next: href(site, '/account') })}`)
  const account = await readAccount(visitor)
  const zone = site.tenant.timezone
  const base = site.base

  return (
    <>
      <h1>Your account</h1>
      <p className="muted">
        Signed in as {visitor.user.email}
        {visitor.membership.status === 'frozen' ? ' · your membership is frozen' : ''}.
      </p>
      <Flash error={one(query.error)} success={query.welcome ? `Welcome to ${site.name}!` : (DONE[one(query.done)] ?? null)} />

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">Upcoming bookings</h2>
        <BookingList rows={account.upcoming} zone={zone} base={base} label="No upcoming bookings." />
        <p>
          <a href={href(site, '/schedule')}>Book a class</a>
        </p>
      </section>

      <section aria-labelledby="past-title">
        <h2 id="past-title">Past bookings</h2>
        <BookingList rows={account.past} zone={zone} base={base} label="No past bookings yet." />
      </section>

      {account.credits ? (
        <section aria-labelledby="credits-title">
          <h2 id="credits-title">Credits</h2>
          {account.credits.length === 0 ? (
            <p className="muted">You have no credits.</p>
          ) : (
            <ul className="credits">
              {account.credits.map((lot) => (
                <li key={lot.id}>
                  <strong>{lot.remainingCredits}</strong> {lot.creditType.replace(/_/g, ' ')} {lot.remainingCredits === 1 ? 'credit' : 'credits'}
                  {lot.expiresAt ? <>, expires {day(lot.expiresAt, zone)}</> : ', no expiry'}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="profile-title" className="panel">
        <h2 id="profile-title">Your details</h2>
        <form action={updateProfile} className="stack">
          <input type="hidden" name="site" value={site.key} />
          <div className="field">
            <label htmlFor="profile-name">Name</label>
            <input id="profile-name" name="name" type="text" autoComplete="name" required maxLength={120} defaultValue={visitor.user.name ?? ''} />
          </div>
          <div className="field">
            <label htmlFor="profile-phone">Phone</label>
            <input id="profile-phone" name="phone" type="tel" autoComplete="tel" maxLength={40} defaultValue={visitor.user.phone ?? ''} />
          </div>
          <button type="submit" className="button">
            Save details
          </button>
        </form>
      </section>

      <section aria-labelledby="consents-title" className="panel">
        <h2 id="consents-title">Messages from {site.name}</h2>
        <form action={updateConsents} className="stack">
          <input type="hidden" name="site" value={site.key} />
          <fieldset>
            <legend>Send me news and offers by</legend>
            <div className="check">
              <input id="consent-email" name="email_marketing" type="checkbox" defaultChecked={account.consents.has('email_marketing')} />
              <label htmlFor="consent-email">Email</label>
            </div>
            <div className="check">
              <input id="consent-sms" name="sms" type="checkbox" defaultChecked={account.consents.has('sms')} />
              <label htmlFor="consent-sms">Text message (SMS)</label>
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
