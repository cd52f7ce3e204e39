import { describe, expect, it } from 'vitest'
import { createPerson, createTenant, signIn, useTestApp } from '@/core/testing'
import type { DomainPluginName } from '@/plugins'

/**
 * The plugin-removal matrix (docs/plugin-removal.md): for each domain plugin in turn, the app is
 * built without it (`atriumConfig(extra, { domainPlugins: domainPluginsExcept(name) })`) and
 * started on an empty database whose schema is pushed from that config. It must boot, answer the
 * admin's REST and GraphQL, serve the tenant site's data, and the remaining plugins' key
 * operations must work through their HTTP endpoints (with the removed plugin's port fallbacks).
 */
const MATRIX: DomainPluginName[] = ['bookings', 'billing', 'commerce', 'lms', 'facility', 'website', 'marketing']

/** One collection each plugin adds: present exactly when the plugin is installed. */
const OWN_COLLECTION: Record<DomainPluginName, string> = {
  bookings: 'classes',
  billing: 'payments',
  commerce: 'orders',
  lms: 'courses',
  facility: 'reservations',
  website: 'blog-posts',
  marketing: 'automations',
}

describe.each(MATRIX)('the app without the %s plugin', (removed) => {
  const app = useTestApp({
    push: true,
    config: async (extra) => {
      const [{ atriumConfig }, { domainPluginsExcept }] = await Promise.all([
        import('../payload.config'),
        import('../src/plugins'),
      ])
      return atriumConfig(extra, { domainPlugins: domainPluginsExcept(removed) })
    },
  })
  const installed = (plugin: DomainPluginName) => plugin !== removed

  /** A tenant with a front-desk clerk and a member, signed in over HTTP. */
  const studio = async () => {
    const tenant = await createTenant(app.payload)
    const desk = await createPerson(app.payload, { tenant: String(tenant.id), roles: ['front_desk'] })
    const member = await createPerson(app.payload, { tenant: String(tenant.id), roles: ['member'] })
    return {
      tenant: String(tenant.id),
      slug: String(tenant.slug),
      desk: (await signIn(app, desk.user.email)).client,
      member: { id: String(member.membership!.id), client: (await signIn(app, member.user.email)).client },
    }
  }

  it("boots without the plugin's collections, and the admin's REST and GraphQL answer", async () => {
    for (const [plugin, slug] of Object.entries(OWN_COLLECTION) as [DomainPluginName, string][])
      expect(Boolean((app.payload.collections as Record<string, unknown>)[slug]), slug).toBe(installed(plugin))
    const { tenant } = await studio()
    const { user } = await createPerson(app.payload, { platformRole: 'super_admin' })
    const admin = (await signIn(app, user.email)).client
    const me = await admin.get('/api/users/me')
    expect(me.status).toBe(200)
    expect(me.body.user.id).toBe(user.id)
    const tenants = await admin.get('/api/tenants?limit=100&depth=0')
    expect(tenants.status).toBe(200)
    expect(tenants.body.docs.map((d: { id: string }) => String(d.id))).toContain(tenant)
    const graphql = await admin.post('/api/graphql', { query: '{ Tenants(limit: 100) { docs { id slug } } }' })
    expect(graphql.status).toBe(200)
    expect(graphql.body.errors).toBeUndefined()
    expect(graphql.body.data.Tenants.docs.map((d: { id: string }) => String(d.id))).toContain(tenant)
    const own = await admin.get(`/api/${OWN_COLLECTION[removed]}`)
    expect(own.status).toBe(404) // the removed plugin's collection is gone from the API
  })

  it("serves the tenant site's data: what the plugin offered is left out, the rest is there", async () => {
    const { slug } = await studio()
    // The site's modules are imported once the app is up (they read the app's settings at import).
    const { readPublicSchedule } = await import('../src/app/(site)/[tenant]/_lib/site')
    const { hasEndpoint } = await import('../src/app/(site)/[tenant]/_lib/callEndpoint')
    const schedule = await readPublicSchedule(slug, new Date(), new Date(Date.now() + 7 * 86_400_000))
    expect(schedule).toEqual(installed('bookings') ? [] : null)
    expect(await hasEndpoint('orders', '/buy', 'post')).toBe(installed('commerce'))
    expect(await hasEndpoint('subscriptions', '/manual', 'post')).toBe(installed('billing'))
  })

  it("runs the remaining plugins' key operations", async () => {
    const s = await studio()
    if (installed('bookings')) {
      // A member books a class (guards.canBook: billing's, or the fallback without billing).
      const klass = await app.payload.create({
        collection: 'classes' as never,
        data: {
          tenant: s.tenant,
          title: 'Flow',
          startTime: new Date(Date.now() + 86_400_000).toISOString(),
          durationMinutes: 60,
          capacity: 5,
        } as never,
      })
      const booked = await s.member.client.post(`/api/classes/${String((klass as { id: unknown }).id)}/book`, {})
      expect(booked.status, JSON.stringify(booked.body)).toBe(201)
      expect(booked.body.booking.status).toBe('confirmed')
    }
    if (installed('commerce')) {
      // The POS sells for cash and refunds it: through billing's payments, or (without billing)
      // recorded on the order alone.
      const product = (await app.payload.create({
        collection: 'products' as never,
        data: {
          tenant: s.tenant,
          name: 'Water',
          slug: 'water',
          kind: 'retail',
          price: { amount: 300, currency: 'USD' },
        } as never,
      })) as unknown as { id: string }
      const productId = String(product.id)
      const sale = await s.desk.post('/api/orders/checkout', {
        tenant: s.tenant,
        lines: [{ product: productId, quantity: 2 }],
        payment: { provider: 'cash' },
      })
      expect(sale.status, JSON.stringify(sale.body)).toBe(201)
      expect(sale.body.order).toMatchObject({ status: 'paid', total: 600 })
      expect(sale.body.payment === null).toBe(!installed('billing'))
      const refund = await s.desk.post(`/api/orders/${sale.body.order.id}/refund`, { reason: 'Spilled' })
      expect(refund.status, JSON.stringify(refund.body)).toBe(200)
      expect(refund.body).toMatchObject({ amount: 600, status: 'refunded' })
      if (!installed('billing')) {
        const online = await s.desk.post('/api/orders/checkout', {
          tenant: s.tenant,
          lines: [{ product: productId, quantity: 1 }],
          payment: { provider: 'stripe' },
        })
        expect(online.status).toBe(409)
        expect(online.body.error).toBe('stripe_not_configured')
      }
    }
    if (installed('billing')) {
      // The desk records a cash payment.
      const paid = await s.desk.post('/api/payments/manual', {
        tenant: s.tenant,
        member: s.member.id,
        provider: 'cash',
        amount: { amount: 1500, currency: 'USD' },
      })
      expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    }
    if (installed('facility')) {
      // A member books a bay and cancels it (facility needs no other plugin; guest passes fall back to the fee).
      const bay = await app.payload.create({
        collection: 'facility-resources',
        data: {
          tenant: s.tenant,
          name: 'Bay 1',
          type: 'simulator_bay',
          capacity: 4,
          openingHours: (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((weekday) => ({
            weekday,
            opensAt: '00:00',
            closesAt: '24:00',
          })),
          bookingRules: { slotMinutes: 60, minMinutes: 60, maxMinutes: 120 },
          pricing: { mode: 'per_bay_hour', guestFee: 1500, rates: [{ tier: null, peak: 4500, offPeak: 4500 }] },
        },
      })
      const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 24 * 3_600_000)
      const booked = await s.member.client.post('/api/reservations/book', {
        resource: bay.id,
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 3_600_000).toISOString(),
        participants: [{ guest: { name: 'Gus' }, useGuestPass: true }],
      })
      expect(booked.status, JSON.stringify(booked.body)).toBe(201)
      expect(booked.body.fee.total.amount).toBe(4500 + 1500)
      const cancelled = await s.member.client.post(`/api/reservations/${booked.body.id}/cancel`)
      expect(cancelled.body).toMatchObject({ status: 'cancelled', accessCode: null })
    }
    if (installed('lms')) {
      // A member enrols in a free course and completes its lesson (lms needs no other plugin).
      const tag = Math.random().toString(36).slice(2, 10)
      const course = await app.payload.create({
        collection: 'courses',
        draft: true,
        data: { tenant: s.tenant, title: 'Basics', slug: `basics-${tag}` },
      })
      const section = await app.payload.create({
        collection: 'course-modules',
        data: { tenant: s.tenant, course: course.id, title: 'Start' },
      })
      const item = await app.payload.create({
        collection: 'content-items',
        data: {
          tenant: s.tenant,
          title: 'Intro',
          slug: `intro-${tag}`,
          contentType: 'video',
          visibility: 'public',
          _status: 'published',
        },
      })
      const lesson = await app.payload.create({
        collection: 'lessons',
        data: {
          tenant: s.tenant,
          module: section.id,
          title: 'Intro',
          itemType: 'video',
          content: item.id,
          unlock: { mode: 'none' },
        },
      })
      await app.payload.update({ collection: 'courses', id: course.id, data: { _status: 'published' } })
      expect((await s.member.client.post(`/api/courses/${course.id}/enrol`, {})).status).toBe(201)
      const done = await s.member.client.post(`/api/lessons/${lesson.id}/complete`, {})
      expect(done.body).toMatchObject({ completed: true, progressPct: 100, courseCompleted: true })
    }
  })
})
