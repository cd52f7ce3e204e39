import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { addDays, fromWallTime, localDate, runSql } from '@/core'
import { createPerson, createTenant, signIn, type HttpClient, type TestApp } from '@/core/testing'

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
        /** A `room` resource (default a simulator bay), linked to this bookings room when given. */
        type?: 'simulator_bay' | 'room'
        room?: string
      } = {},
    ) =>
      String(
        (
          await payload.create({
            collection: 'facility-resources',
            data: {
              tenant,
              name: data.name ?? `Bay ${Math.random().toString(36).slice(2, 8)}`,
              type: data.type ?? 'simulator_bay',
              ...(data.room ? { room: data.room } : {}),
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

/**
 * A Chicago club (tenant, desk clerk, manager, signed in over HTTP) for a test file, with the kit
 * and helpers the facility integration tests share: members signed in, a tier with included
 * minutes, and running the jobs queue until the deliveries are done.
 */
export const facilityClub = async (app: TestApp, options: { stripe?: boolean } = {}) => {
  const kit = facilityTestKit(app.payload)
  const tenant = String((await createTenant(app.payload, { timezone: kit.zone })).id)
  // A connected Stripe account (for online payments against the fake Stripe).
  const account = `acct_facility${Math.random().toString(36).slice(2, 10)}`
  if (options.stripe)
    await app.payload.create({
      collection: 'integration-connections',
      data: { tenant, provider: 'stripe', status: 'connected', config: { accountId: account } },
    })
  const desk = await createPerson(app.payload, { tenant, roles: ['front_desk'] })
  const manager = await createPerson(app.payload, { tenant, roles: ['manager'] })
  return {
    kit,
    tenant,
    account,
    desk: (await signIn(app, desk.user.email)).client,
    manager: (await signIn(app, manager.user.email)).client,
    /** A member of the club signed in (optionally of a facility tier). */
    newMember: async (tier?: string): Promise<{ id: string; client: HttpClient }> => {
      const person = await createPerson(app.payload, { tenant, roles: ['member'] })
      const id = String(person.membership!.id)
      if (tier) await kit.q(sql`UPDATE tenant_memberships SET facility_tier_id = ${tier} WHERE id = ${id}`)
      return { id, client: (await signIn(app, person.user.email)).client }
    },
    /** A commerce product of kind `day_pass` ($25) sold by the club. */
    dayPassProduct: async () =>
      String(
        (
          await app.payload.create({
            collection: 'products',
            data: {
              tenant,
              name: 'Range day pass',
              slug: `day-pass-${Math.random().toString(36).slice(2, 8)}`,
              kind: 'day_pass',
              price: { amount: 2500, currency: 'USD' },
            },
          })
        ).id,
      ),
    /** A tier including `minutes` free minutes a day. */
    tierWithMinutes: async (minutes: number) => {
      const tier = await kit.createTier(tenant, `inc-${Math.random().toString(36).slice(2, 8)}`)
      await app.payload.update({ collection: 'facility-tiers', id: tier, data: { includedMinutesPerDay: minutes } })
      return tier
    },
    /** Runs the jobs queue until no Stripe event or domain-event delivery (or `also` task) is left. */
    runJobs: async (also: string[] = []) => {
      const slugs = `{${['processStripeEvent', 'deliverEvent', ...also].join(',')}}`
      for (let i = 0; i < 8; i++) {
        const [{ n }] = await kit.q<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM payload_jobs WHERE completed_at IS NULL AND has_error IS NOT TRUE
                AND task_slug::text = ANY(${slugs}::text[])`,
        )
        if (n === 0) return
        await app.payload.jobs.run({ limit: 200 })
      }
    },
  }
}
export type FacilityClub = Awaited<ReturnType<typeof facilityClub>>
