import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { AvailabilityRule, Interval } from './availabilityWindows'

/** The availability rules of providers (one statement). */
export const providerRules = async (
  req: PayloadRequest,
  providers: string[],
): Promise<Map<string, AvailabilityRule[]>> => {
  const rows = providers.length
    ? await runSql<Record<string, unknown>>(
        req,
        sql`SELECT provider_id, kind, weekday, start_local, end_local, coalesce(timezone, 'UTC') AS timezone, valid_from, valid_until
            FROM availability_rules WHERE provider_id = ANY(${`{${providers.join(',')}}`}::uuid[])`,
      )
    : []
  const byProvider = new Map<string, AvailabilityRule[]>(providers.map((p) => [p, []]))
  for (const r of rows) {
    byProvider.get(String(r.provider_id))?.push({
      kind: r.kind === 'unavailable' ? 'unavailable' : 'available',
      weekday: Number(r.weekday),
      startLocal: String(r.start_local),
      endLocal: String(r.end_local),
      timezone: String(r.timezone),
      validFrom: (r.valid_from as string) || null,
      validUntil: (r.valid_until as string) || null,
    })
  }
  return byProvider
}

/** Something that holds a provider's time; appointments also carry their service and real start (for group slots). */
export type Commitment = Interval & {
  kind: 'class' | 'appointment'
  id: string
  title: string
  service: string | null
  at: number
}

/**
 * What already holds providers' time in [from, to): classes they teach (not cancelled) and their
 * booked appointments with those appointments' buffers. One statement.
 */
export const providerCommitments = async (
  req: PayloadRequest,
  providers: string[],
  from: Date,
  to: Date,
  exceptAppointment?: string,
): Promise<Map<string, Commitment[]>> => {
  const list = `{${providers.join(',')}}`
  const rows = providers.length
    ? await runSql<{
        who: string
        kind: 'class' | 'appointment'
        id: string
        title: string
        s: Date
        e: Date
        service: string | null
        at: Date
      }>(
        req,
        sql`SELECT instructor_id AS who, 'class' AS kind, id, title, start_time AS s, end_time AS e, NULL::uuid AS service, start_time AS at FROM classes
            WHERE instructor_id = ANY(${list}::uuid[]) AND status <> 'cancelled'
              AND start_time < ${to.toISOString()}::timestamptz AND end_time > ${from.toISOString()}::timestamptz
            UNION ALL
            SELECT a.provider_id, 'appointment', a.id, coalesce(s.title, 'appointment'), a.blocked_from, a.blocked_until, a.service_id, a.start_time
            FROM appointments a LEFT JOIN appointment_services s ON s.id = a.service_id
            WHERE a.provider_id = ANY(${list}::uuid[]) AND a.status = 'booked'
              AND a.blocked_from < ${to.toISOString()}::timestamptz AND a.blocked_until > ${from.toISOString()}::timestamptz
              ${exceptAppointment ? sql`AND a.id <> ${exceptAppointment}` : sql``}`,
      )
    : []
  const byProvider = new Map<string, Commitment[]>(providers.map((p) => [p, []]))
  for (const r of rows) {
    byProvider.get(String(r.who))?.push({
      kind: r.kind,
      id: String(r.id),
      title: String(r.title),
      start: new Date(r.s).getTime(),
      end: new Date(r.e).getTime(),
      service: r.service ? String(r.service) : null,
      at: new Date(r.at).getTime(),
    })
  }
  return byProvider
}

/** What holds a room's time in [from, to): its classes (not cancelled) and booked appointments (buffered, with service and start). One statement. */
export const roomCommitments = async (
  req: PayloadRequest,
  room: string,
  from: Date,
  to: Date,
): Promise<(Interval & { service: string | null; at: number })[]> => {
  const rows = await runSql<{ s: Date; e: Date; service: string | null; at: Date }>(
    req,
    sql`SELECT start_time AS s, end_time AS e, NULL::uuid AS service, start_time AS at FROM classes
        WHERE room_id = ${room} AND status <> 'cancelled' AND start_time < ${to.toISOString()}::timestamptz AND end_time > ${from.toISOString()}::timestamptz
        UNION ALL
        SELECT blocked_from, blocked_until, service_id, start_time FROM appointments
        WHERE room_id = ${room} AND status = 'booked' AND blocked_from < ${to.toISOString()}::timestamptz AND blocked_until > ${from.toISOString()}::timestamptz`,
  )
  return rows.map((r) => ({
    start: new Date(r.s).getTime(),
    end: new Date(r.e).getTime(),
    service: r.service ? String(r.service) : null,
    at: new Date(r.at).getTime(),
  }))
}
