import { cache } from 'react'
import { readPublicSchedule, type Site } from './site'

const DAY = 86_400_000

/**
 * Display names of the tenant's staff who appear publicly: the instructors of its schedule for
 * the next four weeks (membership id → name). Memberships themselves are not public, so an
 * appointment provider who teaches no class has no public name (pages then say "Staff").
 */
export const publicStaffNames = cache(async (site: Site): Promise<Map<string, string>> => {
  const now = new Date()
  const classes = (await readPublicSchedule(site.tenant.slug, new Date(now.getTime() - 7 * DAY), new Date(now.getTime() + 28 * DAY))) ?? []
  const names = new Map<string, string>()
  for (const entry of classes) if (entry.instructor?.name) names.set(entry.instructor.id, entry.instructor.name)
  return names
})
