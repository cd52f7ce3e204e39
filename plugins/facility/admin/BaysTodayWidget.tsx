import type { WidgetServerProps } from 'payload'
import { DESK_ROLES } from '@/core'
import { HomeCard, HomeNote } from '@/core/admin/home/HomeCard'
import { widgetTenant } from '@/core/admin/home/widgetTenant'
import { readBaysToday } from '../operations/readBaysToday'

const time = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso))
const dayTime = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  )
const dayOf = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  )

/**
 * The staff home's "Bays today": today's reservations and guests in the club's zone, the requests
 * waiting for approval (approved or declined in the bay grid's queue), and the next arrivals with
 * their parties, each opening on the bay grid (`/admin/bays`) with its details.
 */
export const BaysTodayWidget = async (props: WidgetServerProps) => {
  const { tenant } = widgetTenant(props, DESK_ROLES)
  if (!tenant) return null
  const bays = await readBaysToday(props.req, { tenant })
  if (bays.resources === 0) return null
  return (
    <HomeCard
      title="Bays today"
      testId="home-bays"
      figures={[
        { label: 'reservations today', value: bays.today },
        { label: 'guests today', value: bays.guestsToday },
        {
          label: 'requests to approve',
          value: <a href="/admin/bays#requests">{bays.requests}</a>,
        },
      ]}
    >
      {bays.arrivals.length === 0 ? (
        <HomeNote>No more bay reservations today.</HomeNote>
      ) : (
        <ul>
          {bays.arrivals.map((a) => (
            <li key={a.id}>
              <a href={`/admin/bays?${new URLSearchParams({ date: dayOf(a.startAt, bays.zone), reservation: a.id })}`}>
                {a.status === 'requested' ? dayTime(a.startAt, bays.zone) : time(a.startAt, bays.zone)}–
                {time(a.endAt, bays.zone)} {a.resource}
              </a>
              <span>
                {a.owner}
                {a.guests ? ` + ${a.guests} ${a.guests === 1 ? 'guest' : 'guests'}` : ''}
                {a.status === 'requested' ? ' · request' : a.checkedIn ? ' · checked in' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="home-card__muted" style={{ marginTop: 12 }}>
        <a href="/admin/bays">Open the bay grid</a>
      </p>
    </HomeCard>
  )
}
