import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { DEMO_TENANTS } from './demoTenants'
import { seedDemo } from './seedDemo'

const app = useTestApp()
const DAY = 86_400_000

const count = async (
  collection: 'classes' | 'bookings' | 'payments' | 'credit-ledger',
  where: Record<string, unknown>,
) => (await app.payload.count({ collection, where: where as never })).totalDocs

describe('demo history', () => {
  it('writes eight weeks of classes, attendance and payments up to a fixed today, and on a later day only what is due', async () => {
    const today = new Date('2026-06-10T16:00:00Z') // a Wednesday
    await seedDemo(app.payload, { now: today })
    const monday = new Date('2026-06-08T00:00:00Z')
    for (const demo of DEMO_TENANTS) {
      const tenant = { 'tenant.slug': { equals: demo.slug } }
      const thisWeek = await count('classes', {
        and: [
          tenant,
          { startTime: { greater_than_equal: monday.toISOString() } },
          { startTime: { less_than: today.toISOString() } },
        ],
      })
      expect(thisWeek, `${demo.slug}: classes earlier this week`).toBeGreaterThanOrEqual(1)
      const history = await count('classes', {
        and: [tenant, { startTime: { less_than: today.toISOString() } }, { status: { equals: 'completed' } }],
      })
      expect(history, `${demo.slug}: completed classes in eight weeks`).toBeGreaterThanOrEqual(8 * 2)
      expect(await count('bookings', { and: [tenant, { status: { equals: 'checked_in' } }] })).toBeGreaterThan(history)
      expect(await count('bookings', { and: [tenant, { status: { equals: 'no_show' } }] })).toBeGreaterThan(0)
      expect(await count('bookings', { and: [tenant, { status: { equals: 'late_cancelled' } }] })).toBeGreaterThan(0)
      expect(await count('payments', { and: [tenant, { status: { equals: 'succeeded' } }] })).toBeGreaterThan(10)
      expect(await count('payments', { and: [tenant, { status: { equals: 'failed' } }] })).toBeGreaterThan(0)
      expect(await count('credit-ledger', { and: [tenant, { type: { equals: 'spent_booking' } }] })).toBeGreaterThan(0)
    }
    // Credit lots hold what their ledger says.
    const lots = await app.payload.find({
      collection: 'credit-lots',
      where: { source: { equals: 'import' } },
      limit: 100,
      depth: 0,
    })
    expect(lots.docs.length).toBeGreaterThan(0)
    for (const lot of lots.docs) {
      const ledger = await app.payload.find({
        collection: 'credit-ledger',
        where: { lot: { equals: lot.id } },
        limit: 1000,
        depth: 0,
      })
      expect(ledger.docs.reduce((n, e) => n + e.amount, 0)).toBe(lot.remainingCredits)
    }

    const classesBefore = (await app.payload.count({ collection: 'classes' })).totalDocs
    const again = await seedDemo(app.payload, { now: today })
    expect(again.created).toBe(0)
    const later = await seedDemo(app.payload, { now: new Date(today.getTime() + 7 * DAY) })
    const added = (await app.payload.count({ collection: 'classes' })).totalDocs - classesBefore
    expect(later.created).toBeGreaterThan(0)
    // One week of classes at most: 6 a week per location for every demo tenant.
    expect(added).toBeGreaterThan(0)
    expect(added).toBeLessThanOrEqual(6 * DEMO_TENANTS.reduce((n, t) => n + t.locations.length, 0))
  }, 600_000)
})
