import type { LiveSessionView } from '@plugins/lms/contract'
import { BOOKING_STATUS, clock, dateTime, zoneAbbr } from './format'

/**
 * A live-session lesson: when the session runs, in the class's own zone (its location's, else the
 * business's), whether the member holds a place, the join link once they do (virtual and hybrid
 * sessions), and the class page to book it. The lesson completes when the member checks in.
 */
export const LivePanel = ({ live, classPage }: { live: LiveSessionView; classPage: string }) => {
  const zone = live.timezone
  const over = live.status === 'completed' || new Date(live.endTime).getTime() < new Date().getTime()
  return (
    <section className="card live-session" aria-labelledby="live-title">
      <h2 id="live-title">Live session: {live.title}</h2>
      <p>
        <time dateTime={live.startTime}>{dateTime(live.startTime, zone)}</time> –{' '}
        <time dateTime={live.endTime}>{clock(live.endTime, zone)}</time> {zoneAbbr(live.startTime, zone)} ({zone})
      </p>
      {live.status === 'cancelled' ? (
        <p className="flash flash-error" role="status">
          This session was cancelled.
        </p>
      ) : live.booked ? (
        <p className="flash flash-ok" role="status">
          {live.checkedIn ? 'You checked in to this session.' : 'You have a place in this session.'}
        </p>
      ) : live.booking ? (
        <p className="muted">Your booking: {BOOKING_STATUS[live.booking.status] ?? live.booking.status}.</p>
      ) : null}
      {live.joinLink && live.deliveryMode !== 'in_person' && !over && live.status !== 'cancelled' ? (
        <p>
          <a href={live.joinLink} rel="noopener noreferrer" target="_blank">
            Join the session online (opens in a new tab)
          </a>
        </p>
      ) : null}
      <p>
        <a href={classPage} className={live.booked || over || live.status === 'cancelled' ? undefined : 'button'}>
          {live.booked || over || live.status === 'cancelled' ? 'See the session' : 'Book this session'}
        </a>
      </p>
    </section>
  )
}
