import type { User } from '@/payload-types'
import { cancelBay, payBay } from './bayActions'
import { hasBays } from './bays'
import { clock, money, shortDateTime, zoneAbbr } from './format'
import { href, payloadInstance, type Site } from './site'

type Fee = { total: { amount: number; currency: string }; status: string }
type Row = {
  id: string
  resource: string
  zone: string
  startAt: string
  endAt: string
  status: string
  accessCode: string | null
  accessValidFrom: string | null
  accessValidUntil: string | null
  fee: Fee | null
}

/** The member's upcoming bay reservations with their door codes and fees, read with their own access. */
const upcomingReservations = async (site: Site, user: User, membership: string): Promise<Row[]> => {
  const payload = await payloadInstance()
  const { docs } = await payload.find({
    collection: 'reservations',
    where: {
      and: [
        { tenant: { equals: site.tenant.id } },
        { member: { equals: membership } },
        { status: { in: ['requested', 'confirmed'] } },
        { endAt: { greater_than: new Date().toISOString() } },
      ],
    },
    sort: 'startAt',
    limit: 20,
    depth: 1,
    user,
    overrideAccess: false,
  })
  if (docs.length === 0) return []
  const fees = await payload.find({
    collection: 'fee-snapshots',
    where: { and: [{ reservation: { in: docs.map((d) => d.id) } }, { status: { not_equals: 'void' } }] },
    limit: docs.length,
    depth: 0,
    user,
    overrideAccess: false,
  })
  const feeOf = new Map(
    fees.docs.map((f) => [
      typeof f.reservation === 'object' ? f.reservation.id : f.reservation,
      { total: { amount: f.total?.amount ?? 0, currency: f.total?.currency ?? 'USD' }, status: f.status ?? 'pending' },
    ]),
  )
  return docs.map((doc) => {
    const resource = typeof doc.resource === 'object' ? doc.resource : null
    const location = resource?.location
    const locationId = location && typeof location === 'object' ? location.id : location
    return {
      id: doc.id,
      resource: resource?.name ?? 'Bay',
      zone: site.locations.find((l) => l.id === locationId)?.timezone ?? site.tenant.timezone,
      startAt: doc.startAt,
      endAt: doc.endAt,
      status: doc.status ?? 'confirmed',
      accessCode: doc.accessCode ?? null,
      accessValidFrom: doc.accessValidFrom ?? null,
      accessValidUntil: doc.accessValidUntil ?? null,
      fee: feeOf.get(doc.id) ?? null,
    }
  })
}

/** What cancelling gives back, stated before the member confirms. */
const refundText = (fee: Fee | null) =>
  !fee || fee.status === 'waived' || fee.total.amount === 0
    ? 'It was free, so there is nothing to refund.'
    : fee.status === 'paid'
      ? `You get the ${money(fee.total)} you paid back.`
      : `Nothing has been charged, so you owe nothing; the ${money(fee.total)} fee is dropped.`

/**
 * The account's "Bay reservations" section: each upcoming reservation with its door code (and when
 * it opens the door), its fee, and a cancel step that states the refund first. Nothing when the
 * facility plugin is not installed or the tenant has no bays.
 */
export const BayReservations = async ({
  site,
  user,
  membership,
  confirming,
}: {
  site: Site
  user: User
  membership: string
  confirming: string
}) => {
  if (!(await hasBays(site))) return null
  const rows = await upcomingReservations(site, user, membership)
  return (
    <section aria-labelledby="bays-title">
      <h2 id="bays-title">Bay reservations</h2>
      {rows.length === 0 ? (
        <p className="muted">No upcoming bay reservations.</p>
      ) : (
        <ul className="bookings">
          {rows.map((row) => {
            const what = `${row.resource} on ${shortDateTime(row.startAt, row.zone)}`
            return (
              <li key={row.id} className="booking-row bay-row" data-status={row.status}>
                <span className="booking-when">
                  <time dateTime={row.startAt}>{shortDateTime(row.startAt, row.zone)}</time>–
                  <time dateTime={row.endAt}>{clock(row.endAt, row.zone)}</time>{' '}
                  <abbr title={row.zone}>{zoneAbbr(row.startAt, row.zone)}</abbr>
                </span>
                <span className="booking-title">
                  {row.resource}
                  {row.fee && row.fee.total.amount > 0 ? (
                    <span className="muted">
                      {' '}
                      · {money(row.fee.total)} {row.fee.status === 'paid' ? 'paid' : 'to pay'}
                    </span>
                  ) : null}
                </span>
                {row.fee && row.fee.status === 'pending' && row.fee.total.amount > 0 ? (
                  <form action={payBay} className="inline-actions">
                    <input type="hidden" name="site" value={site.key} />
                    <input type="hidden" name="reservation" value={row.id} />
                    <button
                      type="submit"
                      className="button"
                      aria-label={`Pay ${money(row.fee.total)} online for ${what}`}
                    >
                      Pay online
                    </button>
                    <span className="muted"> or at the club</span>
                  </form>
                ) : null}
                {row.status === 'requested' ? (
                  <span className="badge badge-waitlisted">Waiting for the club</span>
                ) : row.accessCode ? (
                  <span className="door-code">
                    Door code <strong className="code">{row.accessCode}</strong>
                    {row.accessValidFrom ? (
                      <span className="muted"> · opens from {clock(row.accessValidFrom, row.zone)}</span>
                    ) : null}
                  </span>
                ) : null}
                {confirming === row.id ? (
                  <div className="confirm booking-offer" role="group" aria-labelledby={`cancel-bay-${row.id}`}>
                    <h3 id={`cancel-bay-${row.id}`}>Cancel this reservation?</h3>
                    <p>The bay is freed for someone else and the door code stops working. {refundText(row.fee)}</p>
                    <form action={cancelBay} className="inline-actions">
                      <input type="hidden" name="site" value={site.key} />
                      <input type="hidden" name="reservation" value={row.id} />
                      <button type="submit" className="button button-danger">
                        Yes, cancel the reservation
                      </button>
                      <a href={`${href(site, '/account')}#bays-title`}>Keep it</a>
                    </form>
                  </div>
                ) : (
                  <a
                    href={`${href(site, '/account')}?${new URLSearchParams({ cancelBay: row.id })}#cancel-bay-${row.id}`}
                    aria-label={`Cancel ${what}…`}
                  >
                    Cancel…
                  </a>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <p>
        <a href={href(site, '/bays')}>Book a bay</a>
      </p>
    </section>
  )
}
