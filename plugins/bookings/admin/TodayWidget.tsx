import type { WidgetServerProps } from 'payload'
import { DESK_ROLES, STAFF_ROLES } from '@/core'
import { HomeCard, HomeNote } from '@/core/admin/home/HomeCard'
import { widgetTenant } from '@/core/admin/home/widgetTenant'
import { readStaffDay } from '../operations/staff/readStaffDay'
import { staffMemberOf } from '../operations/staff/staffMemberOf'

const clock = (iso: string, zone: string | null, fallback: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone ?? fallback, hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  )

/**
 * The staff home's "Today": today's classes with booked, waitlisted and checked-in counts (each
 * linking to its check-in list) and today's appointments. Desk roles see the whole tenant; an
 * instructor or coach sees their own day.
 */
export const TodayWidget = async (props: WidgetServerProps) => {
  const { tenant, roles } = widgetTenant(props, STAFF_ROLES)
  if (!tenant)
    return (
      <HomeCard title="Today" testId="home-today">
        <HomeNote>Choose a business in the tenant selector.</HomeNote>
      </HomeCard>
    )
  const own = !roles.some((role) => DESK_ROLES.includes(role))
  const staffMember = own && props.req.user ? await staffMemberOf(props.req, tenant, String(props.req.user.id)) : null
  if (own && !staffMember)
    return (
      <HomeCard title="Your day" testId="home-today">
        <HomeNote>Nothing on your schedule today.</HomeNote>
      </HomeCard>
    )
  const day = await readStaffDay(props.req, { tenant, staffMember })
  const live = day.classes.filter((c) => c.status !== 'cancelled')
  const title = own ? 'Your day' : 'Today'
  return (
    <HomeCard
      title={`${title} · ${new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'short', day: 'numeric' }).format(new Date(`${day.date}T00:00:00Z`))}`}
      testId="home-today"
      figures={[
        { label: 'classes', value: live.length },
        { label: 'booked', value: live.reduce((n, c) => n + c.booked, 0) },
        { label: 'checked in', value: live.reduce((n, c) => n + c.checkedIn, 0) },
        { label: 'appointments', value: day.appointments.filter((a) => a.status !== 'cancelled').length },
      ]}
    >
      {day.classes.length + day.appointments.length === 0 ? (
        <HomeNote>{own ? 'Nothing on your schedule today.' : 'No classes or appointments today.'}</HomeNote>
      ) : (
        <ul>
          {day.classes.map((c) => (
            <li key={c.id} data-testid="home-today-class">
              <span>
                {clock(c.startTime, c.timezone, day.timezone)} <a href={`/admin/check-in/${c.id}`}>{c.title}</a>
                {c.instructor ? ` · ${c.instructor}` : ''}
                {c.location ? ` · ${c.location}` : ''}
              </span>
              <span>
                {c.status === 'cancelled'
                  ? 'cancelled'
                  : `${c.booked}/${c.capacity} booked · ${c.waitlisted} waitlisted · ${c.checkedIn} checked in`}
              </span>
            </li>
          ))}
          {day.appointments.map((a) => (
            <li key={a.id} data-testid="home-today-appointment">
              <span>
                {clock(a.startTime, a.timezone, day.timezone)}{' '}
                <a href={`/admin/collections/appointments/${a.id}`}>{a.service ?? 'Appointment'}</a>
                {a.who ? ` · ${a.who}` : ''}
                {a.provider && !own ? ` with ${a.provider}` : ''}
              </span>
              <span>{a.checkedIn ? 'checked in' : a.status.replace('_', ' ')}</span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  )
}
