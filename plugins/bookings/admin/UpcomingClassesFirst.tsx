import type { BeforeListServerProps } from 'payload'
import { redirect } from 'next/navigation'

/** Classes that started up to two hours ago count as upcoming (they may still be running). */
const upcomingSince = () => new Date(Date.now() - 2 * 3_600_000).toISOString()
const list = '/admin/collections/classes'

/**
 * The classes list opens on upcoming classes, soonest first, and offers the past and everything
 * as one-click views. Only a bare visit is redirected: any query the staff chose is kept.
 */
export const UpcomingClassesFirst = async ({ searchParams }: BeforeListServerProps) => {
  const params = (await searchParams) ?? {}
  const since = upcomingSince()
  const upcoming = `${list}?where[startTime][greater_than_equal]=${encodeURIComponent(since)}&sort=startTime`
  if (Object.keys(params).length === 0) redirect(upcoming)
  return (
    <nav aria-label="Which classes" style={{ display: 'flex', gap: 16, margin: '0 0 12px' }}>
      <a href={upcoming}>Upcoming</a>
      <a href={`${list}?where[startTime][less_than]=${encodeURIComponent(since)}&sort=-startTime`}>Past</a>
      <a href={`${list}?sort=-startTime`}>All</a>
    </nav>
  )
}
