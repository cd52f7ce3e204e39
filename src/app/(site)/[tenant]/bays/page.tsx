import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { addDays, localDate } from '@/core'
import { BAY_DAYS_SHOWN, BAY_LENGTHS, bayDay, hasBays, loadBayDay, MAX_BAY_GUESTS } from '../_lib/bays'
import { Flash } from '../_lib/Flash'
import { clock, zoneAbbr } from '../_lib/format'
import { one } from '../_lib/messages'
import { href, loadSite } from '../_lib/site'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ tenant: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const dayLabel = (date: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(
    new Date(`${date}T00:00:00Z`),
  )
const TYPE_LABEL: Record<string, string> = {
  simulator_bay: 'Simulator bay',
  court: 'Court',
  room: 'Room',
  green: 'Green',
  equipment: 'Equipment',
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: 'Book a bay', description: `Free bay times at ${site.name}, day by day.` } : {}
}

/**
 * The club's bays on one local day at a glance (`GET /api/facility-resources/availability`): each
 * bay's starts, taken ones shown but not selectable. Choosing a start, a length and guests leads
 * to the price (`/bays/confirm`), where the member books.
 */
export default async function BaysPage({ params, searchParams }: Props) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  if (!(await hasBays(site))) notFound()
  const query = await searchParams
  const zone = site.locations[0]?.timezone ?? site.tenant.timezone
  const today = localDate(new Date(), zone)
  const date = bayDay(one(query.date), today)
  const day = await loadBayDay(site, date)
  const resources = day?.resources ?? []
  const page = href(site, '/bays')
  const days = Array.from({ length: BAY_DAYS_SHOWN }, (_, i) => addDays(today, i))

  return (
    <article aria-labelledby="bays-title">
      <h1 id="bays-title">Book a bay</h1>
      <p className="lead">Pick a day and a free start time. You see the price before you book.</p>
      <Flash error={one(query.error) || undefined} />
      <nav aria-label="Days" className="day-tabs">
        <ul>
          {days.map((d) => (
            <li key={d}>
              <a href={`${page}?date=${d}`} aria-current={d === date ? 'date' : undefined}>
                {d === today ? 'Today' : dayLabel(d)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={href(site, '/bays/confirm')} className="slots">
        <input type="hidden" name="date" value={date} />
        {resources.length === 0 ? <p className="muted">Nothing can be booked on this day.</p> : null}
        {resources.map((resource) => {
          const free = resource.slots.filter((s) => s.free).length
          return (
            <fieldset key={resource.id} className="slot-day">
              <legend>
                {resource.name}{' '}
                <span className="muted">
                  · {TYPE_LABEL[resource.type] ?? resource.type} · up to {resource.capacity}{' '}
                  {resource.capacity === 1 ? 'player' : 'players'}
                  {resource.requiresApproval ? ' · the club confirms requests' : ''}
                </span>
              </legend>
              {free === 0 ? <p className="muted">No free times on this day.</p> : null}
              <div className="slot-grid">
                {resource.slots.map((slot) => {
                  const id = `bay-${resource.id.slice(0, 8)}-${Date.parse(slot.startAt)}`
                  return (
                    <div key={id} className="slot">
                      <input
                        id={id}
                        type="radio"
                        name="slot"
                        value={`${resource.id}|${slot.startAt}`}
                        disabled={!slot.free}
                        required
                      />
                      <label htmlFor={id} className={slot.free ? undefined : 'slot-taken'}>
                        <time dateTime={slot.startAt}>{clock(slot.startAt, resource.zone)}</time>{' '}
                        <abbr title={resource.zone}>{zoneAbbr(slot.startAt, resource.zone)}</abbr>
                        {slot.free ? null : <span className="sr-only"> (taken)</span>}
                      </label>
                    </div>
                  )
                })}
              </div>
            </fieldset>
          )
        })}
        {resources.some((r) => r.slots.some((s) => s.free)) ? (
          <fieldset className="slot-day stack">
            <legend>Your time</legend>
            <div className="field">
              <label htmlFor="minutes">Length</label>
              <select id="minutes" name="minutes" defaultValue="60">
                {BAY_LENGTHS.map((m) => (
                  <option key={m} value={m}>
                    {m < 60 ? `${m} minutes` : `${m / 60} ${m === 60 ? 'hour' : 'hours'}`}
                  </option>
                ))}
              </select>
            </div>
            {Array.from({ length: MAX_BAY_GUESTS }, (_, i) => (
              <div key={i} className="field">
                <label htmlFor={`guest-${i}`}>Guest {i + 1} name (optional)</label>
                <input id={`guest-${i}`} name="guest" autoComplete="off" maxLength={200} />
              </div>
            ))}
            <button type="submit" className="button">
              See the price
            </button>
          </fieldset>
        ) : null}
      </form>
    </article>
  )
}
