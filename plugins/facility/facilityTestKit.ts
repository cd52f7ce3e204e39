import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { addDays, fromWallTime, localDate, runSql } from '@/core'

/** Test helpers shared by the facility integration tests (not used by the app). */
export const facilityTestKit = (payload: Payload) => {
  const q = <Row = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    runSql<Row>({ payload, transactionID: undefined }, query)
  const zone = 'America/Chicago'
  return {
    q,
    zone,
    /** The instant of local `HH:MM` in Chicago `days` days from today. */
    at: (days: number, hhmm: string) => {
      const [year, month, day] = addDays(localDate(new Date(), zone), days).split('-').map(Number)
      const [hour, minute] = hhmm.split(':').map(Number)
      return fromWallTime({ year, month, day, hour, minute }, zone).toISOString()
    },
    /** `n` active members of `tenant` made in one SQL statement; returns their membership ids. */
    createMembers: async (tenant: string, n: number, tier: string | null = null): Promise<string[]> => {
      const tag = Math.random().toString(36).slice(2, 8)
      const rows = await q<{ id: string }>(sql`
        WITH u AS (INSERT INTO users (email, name) SELECT 'golfer-' || g || '-' || ${tag} || '@example.test', 'Golfer ' || g FROM generate_series(1, ${n}::int) g RETURNING id)
        INSERT INTO tenant_memberships (tenant_id, user_id, status, facility_tier_id) SELECT ${tenant}, id, 'active', ${tier} FROM u RETURNING id`)
      return rows.map((r) => String(r.id))
    },
    createTier: async (tenant: string, key: string, bookingWindowDays?: number) =>
      String(
        (
          await payload.create({
            collection: 'facility-tiers',
            data: { tenant, key, name: key, bookingWindowDays },
          })
        ).id,
      ),
    /** A bay open every day 06:00–23:00 in Chicago with 30-minute slots, made as staff would (Local API). */
    createBay: async (
      tenant: string,
      data: {
        name?: string
        capacity?: number
        bufferBeforeMinutes?: number
        bufferAfterMinutes?: number
        requiresApproval?: boolean
        maxActivePerMember?: number
        bookingWindowDays?: number
        mode?: 'per_bay_hour' | 'per_player_split'
        rates?: { tier: string | null; peak: number; offPeak: number }[]
        guestFee?: number
      } = {},
    ) =>
      String(
        (
          await payload.create({
            collection: 'facility-resources',
            data: {
              tenant,
              name: data.name ?? `Bay ${Math.random().toString(36).slice(2, 8)}`,
              type: 'simulator_bay',
              capacity: data.capacity ?? 4,
              openingHours: (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((weekday) => ({
                weekday,
                opensAt: '06:00',
                closesAt: '23:00',
              })),
              bookingRules: {
                slotMinutes: 30,
                minMinutes: 30,
                maxMinutes: 240,
                bufferBeforeMinutes: data.bufferBeforeMinutes ?? 0,
                bufferAfterMinutes: data.bufferAfterMinutes ?? 0,
                bookingWindowDays: data.bookingWindowDays ?? 14,
                maxActivePerMember: data.maxActivePerMember,
                requiresApproval: data.requiresApproval ?? false,
              },
              pricing: {
                mode: data.mode ?? 'per_bay_hour',
                currency: 'USD',
                guestFee: data.guestFee ?? 0,
                rates: data.rates ?? [],
                peakHours: [],
              },
            },
          })
        ).id,
      ),
  }
}
