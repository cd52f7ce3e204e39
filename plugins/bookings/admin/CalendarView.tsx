import type { AdminViewServerProps, Where } from 'payload'
import { AdminNotice, AdminPage } from '@/core/admin/AdminPage'
import { DESK_ROLES, fromWallTime, hasCollection, idOf, localDate, STAFF_ROLES } from '@/core'
import { one, staffTenant } from './staffTenant'

const DAY = 86_400_000
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7))
const validDate = (date: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && addDays(date, 0) === date
const midnight = (date: string, zone: string) => {
  const [year, month, day] = date.split('-').map(Number)
  return fromWallTime({ year, month, day, hour: 0, minute: 0 }, zone)
}
const dayHeading = (date: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  )
const clock = (iso: string, zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso))

type Entry = {
  id: string
  kind: 'class' | 'appointment'
  title: string
  start: string
  end: string
  who: string | null
  detail: string
  status: string
  href?: string
}

const css = `
.staff-calendar__bar { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin-bottom: 16px; }
.staff-calendar__bar label { display: flex; flex-direction: column; gap: 4px; font-weight: 600; }
.staff-calendar__bar select, .staff-calendar__bar button { padding: 6px 10px; border: 1px solid var(--theme-elevation-250); border-radius: 4px; background: var(--theme-input-bg); color: var(--theme-text); }
.staff-calendar__bar a { padding: 6px 10px; border: 1px solid var(--theme-elevation-250); border-radius: 4px; text-decoration: none; }
.staff-calendar__grid { display: grid; grid-template-columns: repeat(7, minmax(130px, 1fr)); gap: 8px; overflow-x: auto; }
.staff-calendar__day h2 { font-size: 14px; margin: 0 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--theme-elevation-150); }
.staff-calendar__day ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.staff-calendar__entry { display: block; padding: 8px; border-radius: 4px; background: var(--theme-elevation-50); border-left: 3px solid var(--theme-success-500); color: inherit; text-decoration: none; font-size: 13px; line-height: 1.35; }
.staff-calendar__entry--appointment { border-left-color: var(--theme-warning-500); }
.staff-calendar__entry--cancelled { text-decoration: line-through; border-left-style: dashed; border-left-color: var(--theme-elevation-400); background: transparent; }
.staff-calendar__entry strong { display: block; }
`

/**
 * `/admin/calendar`: the week's classes (and appointments, when the appointments collection is
 * installed) of one location of the tenant chosen in the tenant selector, days in the location's
 * zone. Read through the Local API with the signed-in user's access.
 */
export const CalendarView = async (view: AdminViewServerProps) => {
  const { req } = view.initPageResult
  const { payload } = req
  const query = view.searchParams ?? {}
  const { tenant, allowed } = staffTenant(view, STAFF_ROLES)
  if (!tenant || !allowed) {
    return (
      <AdminPage view={view} title="Calendar">
        <AdminNotice>
          {tenant
            ? 'Only staff of this business can see its calendar.'
            : 'Choose a business in the tenant selector to see its calendar.'}
        </AdminNotice>
      </AdminPage>
    )
  }
  const [tenantDoc, locations] = await Promise.all([
    payload.findByID({ collection: 'tenants', id: tenant, depth: 0, overrideAccess: false, req }).catch(() => null),
    payload.find({
      collection: 'locations',
      where: { tenant: { equals: tenant } },
      sort: 'name',
      limit: 100,
      depth: 0,
      overrideAccess: false,
      req,
    }),
  ])
  const chosen = locations.docs.find((l) => String(l.id) === one(query.location as string)) ?? locations.docs[0]
  const zone =
    (chosen as { timezone?: string } | undefined)?.timezone ??
    (tenantDoc as { timezone?: string } | null)?.timezone ??
    'UTC'
  const weekParam = one(query.week as string)
  const start = mondayOf(validDate(weekParam) ? weekParam : localDate(new Date(), zone))
  const days = Array.from({ length: 7 }, (_, i) => addDays(start, i))
  const from = midnight(start, zone).toISOString()
  const to = midnight(addDays(start, 7), zone).toISOString()

  const classWhere: Where[] = [
    { tenant: { equals: tenant } },
    { startTime: { greater_than_equal: from } },
    { startTime: { less_than: to } },
  ]
  if (chosen) classWhere.push({ location: { equals: chosen.id } })
  const classes = await payload.find({
    collection: 'classes',
    where: { and: classWhere },
    sort: 'startTime',
    limit: 1000,
    depth: 0,
    overrideAccess: false,
    req,
  })
  const hasAppointments = hasCollection(payload, 'appointments')
  const appointments = hasAppointments
    ? await payload.find({
        collection: 'appointments',
        where: {
          and: [
            { tenant: { equals: tenant } },
            { startTime: { greater_than_equal: from } },
            { startTime: { less_than: to } },
          ],
        },
        sort: 'startTime',
        limit: 1000,
        depth: 0,
        overrideAccess: false,
        req,
      })
    : { docs: [] }

  const classDocs = classes.docs
  const appointmentDocs = appointments.docs
  const people = [
    ...new Set(
      [...classDocs.map((c) => c.instructor), ...appointmentDocs.flatMap((a) => [a.provider, a.member])]
        .map(idOf)
        .filter((id): id is string => Boolean(id)),
    ),
  ]
  const names = new Map<string, string>()
  if (people.length) {
    const found = await payload.find({
      collection: 'tenant-memberships',
      where: { id: { in: people } },
      limit: people.length,
      depth: 0,
      overrideAccess: false,
      req,
    })
    for (const m of found.docs) names.set(m.id, m.profile?.displayName || m.email || 'Staff')
  }
  const services = new Map<string, string>()
  const serviceIds = [...new Set(appointmentDocs.map((a) => idOf(a.service)).filter((id): id is string => Boolean(id)))]
  if (serviceIds.length) {
    const found = await payload.find({
      collection: 'appointment-services',
      where: { id: { in: serviceIds } },
      limit: serviceIds.length,
      depth: 0,
      overrideAccess: false,
      req,
    })
    for (const s of found.docs) services.set(s.id, s.title)
  }

  const nameOf = (ref: unknown) => names.get(idOf(ref) ?? '') ?? null
  const entries: Entry[] = [
    ...classDocs.map(
      (c): Entry => ({
        id: c.id,
        kind: 'class',
        title: c.title,
        start: c.startTime,
        end: c.endTime ?? c.startTime,
        who: nameOf(c.instructor),
        detail: `${c.bookedCount ?? 0}/${c.capacity ?? 0} booked${c.waitlistCount ? ` · waitlist ${c.waitlistCount}` : ''}`,
        status: c.status,
        href: `/admin/check-in/${c.id}`,
      }),
    ),
    ...appointmentDocs.map(
      (a): Entry => ({
        id: a.id,
        kind: 'appointment',
        title: services.get(idOf(a.service) ?? '') ?? 'Appointment',
        start: a.startTime,
        end: a.endTime,
        who: nameOf(a.provider),
        detail: a.member ? `with ${nameOf(a.member) ?? 'a member'}` : `with ${a.guest?.name ?? 'a guest'} (guest)`,
        status: a.status,
        href: `/admin/collections/appointments/${a.id}`,
      }),
    ),
  ].sort((a, b) => a.start.localeCompare(b.start))
  const byDay = new Map(days.map((day) => [day, [] as Entry[]]))
  for (const entry of entries) byDay.get(localDate(new Date(entry.start), zone))?.push(entry)

  const link = (week: string) =>
    `/admin/calendar?${new URLSearchParams({ week, ...(chosen ? { location: String(chosen.id) } : {}) })}`
  const canCheckIn = staffTenant(view, [...DESK_ROLES, 'instructor']).allowed
  return (
    <AdminPage view={view} title="Calendar" className="staff-calendar">
      <style>{css}</style>
      <form className="staff-calendar__bar" method="get" action="/admin/calendar">
        <label>
          Location
          <select name="location" defaultValue={chosen ? String(chosen.id) : ''}>
            {locations.docs.map((l) => (
              <option key={String(l.id)} value={String(l.id)}>
                {String(l.name)}
              </option>
            ))}
          </select>
        </label>
        <input type="hidden" name="week" value={start} />
        <button type="submit">Show</button>
        <a href={link(addDays(start, -7))} aria-label="Previous week">
          ← Previous week
        </a>
        <a href={link(addDays(start, 7))} aria-label="Next week">
          Next week →
        </a>
        <span>
          Week of {dayHeading(start)} · times in {zone}
        </span>
      </form>
      {locations.docs.length === 0 && <AdminNotice>This business has no locations yet.</AdminNotice>}
      <div className="staff-calendar__grid">
        {days.map((day) => (
          <section className="staff-calendar__day" key={day} aria-label={dayHeading(day)}>
            <h2>{dayHeading(day)}</h2>
            <ul>
              {byDay.get(day)!.map((entry) => {
                const body = (
                  <>
                    <span>
                      {clock(entry.start, zone)}–{clock(entry.end, zone)}
                    </span>
                    <strong>{entry.title}</strong>
                    {entry.who && <span>{entry.who}</span>}
                    <span> · {entry.detail}</span>
                    {entry.status !== 'scheduled' && entry.status !== 'booked' && <em> ({entry.status})</em>}
                  </>
                )
                const className = `staff-calendar__entry staff-calendar__entry--${entry.kind}${entry.status === 'cancelled' ? ' staff-calendar__entry--cancelled' : ''}`
                return (
                  <li key={entry.id}>
                    {entry.href && (entry.kind === 'appointment' || canCheckIn) ? (
                      <a className={className} href={entry.href} data-testid={`calendar-${entry.kind}`}>
                        {body}
                      </a>
                    ) : (
                      <div className={className} data-testid={`calendar-${entry.kind}`}>
                        {body}
                      </div>
                    )}
                  </li>
                )
              })}
            </ul>
          </section>
        ))}
      </div>
    </AdminPage>
  )
}
