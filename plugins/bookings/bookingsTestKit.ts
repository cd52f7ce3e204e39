import type { Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'

/** Test helpers shared by the bookings integration tests (not used by the app). */
export const bookingsTestKit = (payload: Payload) => {
  const q = <Row = Record<string, unknown>>(query: ReturnType<typeof sql>) =>
    runSql<Row>({ payload, transactionID: undefined }, query)
  return {
    q,
    /** A class starting `inMinutes` from now, made as the system would (Local API, no user). */
    createClass: async (tenant: string, data: Record<string, unknown> & { inMinutes?: number } = {}) => {
      const { inMinutes = 24 * 60, ...rest } = data
      return payload.create({
        collection: 'classes' as never,
        data: {
          tenant,
          title: 'Flow',
          startTime: new Date(Date.now() + inMinutes * 60_000).toISOString(),
          durationMinutes: 60,
          capacity: 2,
          waitlistCapacity: 2,
          ...rest,
        } as never,
        depth: 0,
      }) as unknown as Promise<{ id: string; [key: string]: unknown }>
    },
    /** `n` active members of `tenant` made in one SQL statement; returns their membership ids. */
    createMembers: async (tenant: string, n: number): Promise<string[]> => {
      const tag = Math.random().toString(36).slice(2, 8)
      const rows = await q<{ id: string }>(sql`
        WITH u AS (INSERT INTO users (email, name) SELECT 'load-' || g || '-' || ${tag} || '@example.test', 'Load ' || g FROM generate_series(1, ${n}::int) g RETURNING id)
        INSERT INTO tenant_memberships (tenant_id, user_id, status) SELECT ${tenant}, id, 'active' FROM u RETURNING id`)
      return rows.map((r) => String(r.id))
    },
    /** An appointment service offered by `providers`, made as the system would. */
    createService: async (tenant: string, providers: string[], data: Record<string, unknown> = {}) =>
      payload.create({
        collection: 'appointment-services' as never,
        data: {
          tenant,
          title: 'Massage',
          durationMinutes: 60,
          slotIntervalMinutes: 60,
          bookingWindowDays: 400,
          minNoticeMinutes: 0,
          providers,
          ...data,
        } as never,
        depth: 0,
      }) as unknown as Promise<{ id: string; [key: string]: unknown }>,
    /** A weekly availability rule of a provider. */
    createRule: async (tenant: string, provider: string, data: Record<string, unknown> = {}) =>
      payload.create({
        collection: 'availability-rules' as never,
        data: {
          tenant,
          provider,
          weekday: 1,
          startLocal: '09:00',
          endLocal: '12:00',
          timezone: 'America/New_York',
          ...data,
        } as never,
        depth: 0,
      }) as unknown as Promise<{ id: string; [key: string]: unknown }>,
    /** A published event starting `inMinutes` from now, made as the system would. */
    createEvent: async (tenant: string, data: Record<string, unknown> & { inMinutes?: number } = {}) => {
      const { inMinutes = 7 * 24 * 60, ...rest } = data
      const start = Date.now() + inMinutes * 60_000
      return payload.create({
        collection: 'events' as never,
        data: {
          tenant,
          title: 'Summer party',
          status: 'published',
          startTime: new Date(start).toISOString(),
          endTime: new Date(start + 3 * 3_600_000).toISOString(),
          capacity: 10,
          ...rest,
        } as never,
        depth: 0,
      }) as unknown as Promise<{ id: string; [key: string]: unknown }>
    },
    bookingCount: async (classId?: string) =>
      Number(
        (
          await q<{ n: number }>(
            classId
              ? sql`SELECT count(*)::int AS n FROM bookings WHERE class_id = ${classId}`
              : sql`SELECT count(*)::int AS n FROM bookings`,
          )
        )[0].n,
      ),
    classRow: async (id: string) =>
      (
        await q<{ booked_count: string; waitlist_count: string; status: string }>(
          sql`SELECT booked_count, waitlist_count, status FROM classes WHERE id = ${id}`,
        )
      )[0],
  }
}
