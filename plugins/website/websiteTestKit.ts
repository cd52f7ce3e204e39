import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, type SQL } from '@/core'
import { createPerson, createTenant } from '@/core/testing'

const tag = () => randomBytes(3).toString('hex')

export type StudioSpec = {
  name: string
  city: string
  zone: string
  classTitle: string
  instructor: string
  eventTitle: string
  planName: string
  planAmount: number
}

/**
 * A studio with one location, an instructor teaching a class on each of the next days, an
 * upcoming event, a membership plan and a manager, all distinct per spec (the facts a generated
 * post may state), and a subscription to `topic` due now.
 */
export const websiteTestKit = (payload: Payload) => {
  const q = <Row = Record<string, unknown>>(query: SQL) => runSql<Row>({ payload, transactionID: undefined }, query)

  const topic = async (name = `Topic ${tag()}`) =>
    String(
      (
        await payload.create({
          collection: 'seo-topics',
          data: { name, description: `${name} explained.`, active: true },
        })
      ).id,
    )

  const studio = async (spec: StudioSpec) => {
    const tenant = String((await createTenant(payload, { name: spec.name, timezone: spec.zone })).id)
    const location = await payload.create({
      collection: 'locations',
      data: {
        tenant,
        name: `${spec.city} studio`,
        slug: `loc-${tag()}`,
        timezone: spec.zone,
        address: { line1: '1 Main St', city: spec.city, country: 'US' },
      },
    })
    const teacher = await createPerson(payload, { tenant, roles: ['instructor'] })
    await payload.update({
      collection: 'tenant-memberships',
      id: teacher.membership!.id,
      data: { profile: { displayName: spec.instructor } },
    })
    for (let day = 1; day <= 3; day++)
      await payload.create({
        collection: 'classes',
        data: {
          tenant,
          title: spec.classTitle,
          startTime: new Date(Date.now() + day * 86_400_000).toISOString(),
          durationMinutes: 60,
          capacity: 10,
          waitlistCapacity: 0,
          status: 'scheduled',
          kind: 'class',
          location: location.id,
          instructor: teacher.membership!.id,
        },
      })
    const start = Date.now() + 5 * 86_400_000
    await payload.create({
      collection: 'events',
      data: {
        tenant,
        title: spec.eventTitle,
        kind: 'one_time_event',
        startTime: new Date(start).toISOString(),
        endTime: new Date(start + 7_200_000).toISOString(),
        status: 'published',
      },
    })
    await payload.create({
      collection: 'membership-plans',
      data: {
        tenant,
        name: spec.planName,
        prices: [{ key: 'm', interval: 'month', intervalCount: 1, amount: spec.planAmount, currency: 'USD' }],
      },
    })
    const manager = await createPerson(payload, { tenant, roles: ['manager'] })
    return { tenant, location: String(location.id), manager, spec }
  }

  const subscribe = async (tenant: string, topicId: string, data: Record<string, unknown> = {}) =>
    String(
      (
        await payload.create({
          collection: 'seo-subscriptions',
          data: {
            tenant,
            topic: topicId,
            frequency: 'weekly',
            nextRunAt: new Date(Date.now() - 60_000).toISOString(),
            ...data,
          },
        })
      ).id,
    )

  const postsOf = async (tenant: string) =>
    q<{ id: string; title: string; status: string; generation_period: string | null }>(
      sql`SELECT id, title, _status::text AS status, generation_period FROM blog_posts WHERE tenant_id = ${tenant}`,
    )

  return { q, topic, studio, subscribe, postsOf }
}
