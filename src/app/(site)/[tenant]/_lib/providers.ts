import { cache } from 'react'
import { loadServices } from './services'
import { readPublicSchedule, type Site } from './site'

const DAY = 86_400_000

/**
 * Display names of the tenant's staff who appear publicly (membership id → name): the providers
 * of its active appointment services and the instructors of its schedule for the next four weeks.
 * Memberships themselves are not public; these names are.
 */
export const publicStaffNames = cache(async (site: Site): Promise<Map<string, string>> => {
  const now = new Date()
  const [classes, services] = await Promise.all([
    readPublicSchedule(site.tenant.slug, new Date(now.getTime() - 7 * DAY), new Date(now.getTime() + 28 * DAY)),
    loadServices(site),
  ])
  const names = new Map<string, string>()
  for (const entry of classes ?? []) if (entry.instructor?.name) names.set(entry.instructor.id, entry.instructor.name)
  for (const service of services ?? [])
    for (const provider of service.providerNames ?? []) names.set(provider.id, provider.name)
  return names
})
