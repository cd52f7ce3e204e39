import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { DEMO_TENANTS } from './demoTenants'
import { seedDemo } from './seedDemo'

const app = useTestApp()

describe('bookings demo data', () => {
  it('gives every demo tenant two appointment services with free slots this week and a published event', async () => {
    await seedDemo(app.payload)
    for (const demo of DEMO_TENANTS) {
      const found = await app.payload.find({
        collection: 'appointment-services' as never,
        where: { 'tenant.slug': { equals: demo.slug } } as never,
        depth: 0,
      })
      const services = found.docs as unknown as { id: string; title: string }[]
      expect(services.map((s) => s.title).sort(), demo.slug).toEqual(['Intro call', 'Private session'])
      const session = services.find((s) => s.title === 'Private session')!
      const slots = await app.http().get(`/api/appointment-services/${session.id}/slots`)
      expect(slots.status).toBe(200)
      expect(slots.body.slots.length, demo.slug).toBeGreaterThan(0)
      const events = await app.http().get(`/api/events?where[tenant.slug][equals]=${demo.slug}&depth=0`)
      // lumen-creator also has the live workshop whose RSVPs open its course portal (lms demo).
      const statuses: string[] = events.body.docs.map((e: { status: string }) => e.status)
      expect(statuses.length, demo.slug).toBeGreaterThan(0)
      expect(new Set(statuses), demo.slug).toEqual(new Set(['published']))
    }
  }, 180_000) // the whole demo seed runs first
})
