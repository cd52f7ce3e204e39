import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { fromWallTime, localDate, siteTag } from '@/core'
import type { ScheduleEntry } from '@plugins/bookings/contract'
import { readView } from '../../../siteView'
import { href, loadSite, readPublicSchedule, showsTags } from '../../_lib/site'

/**
 * Cached per view (`?week=&location=&instructor=`, carried in the path by the proxy) and re-rendered
 * when `siteChanged(tenant, 'schedule')` runs (a class saved, a place booked or freed); `revalidate`
 * bounds what another process changed (the jobs worker, another replica) and rolls "today" over.
 */
export const revalidate = 10
/** Views are rendered on their first visit (none at build time), then served from the cache. */
export const generateStaticParams = async (): Promise<never[]> => []

type Props = { params: Promise<{ tenant: string; view?: string[] }> }

const DAY = 86_400_000
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const one = (value: string | undefined) => value ?? ''

/** Calendar arithmetic on `YYYY-MM-DD` strings (no time zone involved). */
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7))
const validDate = (date: string) =>
  ISO_DATE.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && addDays(date, 0) === date

const dayHeading = (date: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  )
const shortDate = (date: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  )
const time = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso))
const zoneName = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((part) => part.type === 'timeZoneName')?.value ?? zone

const wall = (date: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return { year, month, day }
}

/**
 * The days shown: without `?week=` the coming seven days from today (in the tenant's zone), else
 * the Monday-to-Sunday week holding that date. `today` lets the page grey the days already gone.
 */
const week = (raw: string, tenantZone: string) => {
  const today = localDate(new Date(), tenantZone)
  const start = validDate(raw) ? mondayOf(raw) : today
  const monday = mondayOf(start)
  return {
    start,
    end: addDays(start, 6),
    today,
    previous: addDays(monday, -7),
    next: addDays(monday, 7),
    days: Array.from({ length: 7 }, (_, i) => addDays(start, i)),
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, view } = await params
  const site = await loadSite(tenant)
  const query = readView('schedule', view)
  if (!site || !query) return {}
  const { start } = week(one(query.week), site.tenant.timezone)
  return {
    title: `Schedule, week of ${shortDate(start)}`,
    description: `Classes at ${site.name} for the week of ${shortDate(start)}.`,
  }
}

const Availability = ({ entry }: { entry: ScheduleEntry }) => {
  if (entry.status === 'cancelled') return <span className="badge badge-cancelled">Cancelled</span>
  if (entry.status === 'completed') return <span className="badge">Finished</span>
  if (entry.spotsLeft > 0)
    return (
      <span className="badge badge-open">
        {entry.spotsLeft === 1 ? '1 spot left' : `${entry.spotsLeft} spots left`}
      </span>
    )
  return <span className="badge badge-full">Full – waitlist {entry.waitlistCount}</span>
}

/** The week view of a tenant's classes, each in its location's time zone, with GET filters. */
export default async function SchedulePage({ params }: Props) {
  const { tenant, view } = await params
  const query = readView('schedule', view)
  if (!query) notFound()
  const site = await loadSite(tenant)
  if (!site || !site.open) return null // the layout renders the 404 or the "closed" notice
  await showsTags(siteTag(site.tenant.id, 'schedule'))
  const { start, end, today, previous, next, days } = week(one(query.week), site.tenant.timezone)
  const base = href(site, '/schedule')

  // The week in any zone of the tenant's locations lies within [Mon 00:00 − 1 day, Sun 24:00 + 1 day] of the tenant zone.
  const from = new Date(fromWallTime({ ...wall(start), hour: 0, minute: 0 }, site.tenant.timezone).getTime() - DAY)
  const to = new Date(from.getTime() + 9 * DAY)
  const all = (await readPublicSchedule(site.tenant.slug, from, to)) ?? []
  const inWeek = all.filter((entry) => {
    const date = localDate(new Date(entry.startTime), entry.timezone)
    return date >= start && date <= end
  })

  const instructors = [
    ...new Map(
      inWeek.filter((e) => e.instructor).map((e) => [e.instructor!.id, e.instructor!.name ?? 'Instructor']),
    ).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1]))
  const locationFilter = site.locations.some((l) => l.id === one(query.location)) ? one(query.location) : ''
  const instructorFilter = instructors.some(([id]) => id === one(query.instructor)) ? one(query.instructor) : ''
  const shown = inWeek.filter(
    (e) =>
      (!locationFilter || e.location?.id === locationFilter) &&
      (!instructorFilter || e.instructor?.id === instructorFilter),
  )
  const byDay = new Map(days.map((day) => [day, [] as ScheduleEntry[]]))
  for (const entry of shown) byDay.get(localDate(new Date(entry.startTime), entry.timezone))?.push(entry)

  const link = (weekStart: string) => {
    const params = new URLSearchParams({ week: weekStart })
    if (locationFilter) params.set('location', locationFilter)
    if (instructorFilter) params.set('instructor', instructorFilter)
    return `${base}?${params}`
  }
  const zones = [...new Set(site.locations.map((l) => l.timezone))]

  return (
    <>
      <h1>Schedule</h1>
      <p className="muted">
        Week of {shortDate(start)} – {shortDate(end)}. Times are shown in each location&rsquo;s time zone
        {zones.length === 1 ? ` (${zones[0].replace(/_/g, ' ')})` : ''}.
      </p>
      <nav className="week-nav" aria-label="Weeks">
        <a href={link(previous)} rel="prev">
          <span aria-hidden="true">←</span> Previous week
        </a>
        <a href={link(next)} rel="next">
          Next week <span aria-hidden="true">→</span>
        </a>
      </nav>
      <form className="filters" method="get" action={base} role="search" aria-label="Filter classes">
        <input type="hidden" name="week" value={start} />
        <div className="field">
          <label htmlFor="filter-location">Location</label>
          <select id="filter-location" name="location" defaultValue={locationFilter}>
            <option value="">All locations</option>
            {site.locations.map((location) => (
              <option key={location.id} value={location.id}>
                {location.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-instructor">Instructor</label>
          <select id="filter-instructor" name="instructor" defaultValue={instructorFilter}>
            <option value="">All instructors</option>
            {instructors.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show classes
        </button>
      </form>
      {[...byDay.entries()].map(([day, entries]) => (
        <section key={day} className={`day${day < today ? ' is-past' : ''}`} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>
            {dayHeading(day)}
            {day === today ? <span className="day-today"> · Today</span> : null}
          </h2>
          {entries.length === 0 ? (
            <p className="muted">{day < today ? 'No classes took place.' : 'No classes.'}</p>
          ) : (
            <ul className="classes">
              {entries.map((entry) => (
                <li
                  key={entry.id}
                  className={`class-row${entry.status === 'cancelled' ? ' is-cancelled' : ''}`}
                  data-class-id={entry.id}
                >
                  <p className="class-time">
                    <time dateTime={entry.startTime}>{time(entry.startTime, entry.timezone)}</time>–
                    <time dateTime={entry.endTime}>{time(entry.endTime, entry.timezone)}</time>{' '}
                    <abbr title={entry.timezone}>{zoneName(entry.startTime, entry.timezone)}</abbr>
                  </p>
                  <div className="class-main">
                    <h3 className="class-title">
                      <a href={href(site, `/classes/${entry.id}`)}>{entry.title}</a>
                    </h3>
                    <p className="muted">
                      {entry.instructor?.name ? <>with {entry.instructor.name} · </> : null}
                      {entry.location?.name ?? 'Online'}
                    </p>
                  </div>
                  <p className="class-spots">
                    <Availability entry={entry} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  )
}
