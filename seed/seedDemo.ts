import type { Payload } from 'payload'
import type { Role } from '../src/core/access/roles'
import { DEMO_PASSWORD, DEMO_TENANTS, PLATFORM_ADMIN_EMAIL, demoEmail } from './demoTenants'

const findOne = async (payload: Payload, collection: 'users' | 'tenants' | 'locations' | 'tenant-memberships' | 'tenant-settings', where: Record<string, unknown>) =>
  (await payload.find({ collection, where: where as never, limit: 1, depth: 0, pagination: false })).docs[0] as { id: string } | undefined

const ensureUser = async (payload: Payload, email: string, name: string, platformRole: 'none' | 'super_admin' = 'none') =>
  (await findOne(payload, 'users', { email: { equals: email } })) ??
  (await payload.create({ collection: 'users', data: { email, name, password: DEMO_PASSWORD, platformRole } }))

/**
 * Demo data: one tenant per seed system, each with an owner, front desk, instructor/coach/creator
 * and members, plus a platform admin. Safe to run again: it only adds what is missing.
 */
export const seedDemo = async (payload: Payload): Promise<{ created: number }> => {
  let created = 0
  await ensureUser(payload, PLATFORM_ADMIN_EMAIL, 'Platform Admin', 'super_admin')
  for (const demo of DEMO_TENANTS) {
    let tenant = await findOne(payload, 'tenants', { slug: { equals: demo.slug } })
    if (!tenant) {
      tenant = await payload.create({
        collection: 'tenants',
        data: { slug: demo.slug, name: demo.name, timezone: demo.timezone, currency: demo.currency, status: 'active' },
      })
      created++
    }
    const settings = await findOne(payload, 'tenant-settings', { tenant: { equals: tenant.id } })
    const settingsData = {
      branding: { platformName: demo.name, primaryColor: demo.primaryColor },
      homepage: { heroTitle: demo.heroTitle, heroSubtitle: `Demo tenant for the ${demo.source}.`, heroCtaLabel: 'See the schedule', heroCtaLink: `/${demo.slug}/schedule` },
      contact: { email: demoEmail(demo.slug, 'hello') },
    }
    if (settings) await payload.update({ collection: 'tenant-settings', id: settings.id, data: settingsData })
    else await payload.create({ collection: 'tenant-settings', data: { tenant: tenant.id, ...settingsData } })

    for (const location of demo.locations) {
      const exists = await findOne(payload, 'locations', { and: [{ tenant: { equals: tenant.id } }, { slug: { equals: location.slug } }] })
      if (!exists) {
        await payload.create({
          collection: 'locations',
          data: { tenant: tenant.id, slug: location.slug, name: location.name, timezone: location.timezone, address: { city: location.city, region: location.region, country: location.country } },
        })
        created++
      }
    }
    for (const person of demo.people) {
      const user = await ensureUser(payload, demoEmail(demo.slug, person.key), person.name)
      const membership = await findOne(payload, 'tenant-memberships', { and: [{ tenant: { equals: tenant.id } }, { user: { equals: user.id } }] })
      if (!membership) {
        await payload.create({
          collection: 'tenant-memberships',
          data: { tenant: tenant.id, user: user.id, roles: person.roles as Role[], status: 'active', profile: { displayName: person.name } },
        })
        created++
      }
    }
  }
  return { created }
}
