import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { AvailabilityRule, Interval } from './availabilityWindows'
import { appointmentServicesTable } from '../sql/appointmentServicesTable'
import { appointmentsTable } from '../sql/appointmentsTable'
import { availabilityRulesTable } from '../sql/availabilityRulesTable'
import { classesTable } from '../sql/classesTable'

type RuleRow = {
  provider_id: string
  kind: string
  weekday: number | string
  start_local: string
  end_local: string
  timezone: string
  valid_from: string | null
  valid_until: string | null
}

/** The availability rules of providers (one statement). */
export const providerRules = async (
  req: PayloadRequest,
  providers: string[],
): Promise<Map<string, AvailabilityRule[]>> => {
  const ar = availabilityRulesTable(req)
  const rows = providers.length
    ? await runSql<RuleRow>(
        req,
        sql`SELECT ${ar.provider} AS provider_id, ${ar.kind} AS kind, ${ar.weekday} AS weekday, ${ar.startLocal} AS start_local,
                   ${ar.endLocal} AS end_local, coalesce(${ar.timezone}, 'UTC') AS timezone, ${ar.validFrom} AS valid_from, ${ar.validUntil} AS valid_until
            FROM ${ar.$table} WHERE ${ar.provider} = ANY(${`{${providers.join(',')}}`}::uuid[])`,
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
      validFrom: r.valid_from || null,
      validUntil: r.valid_until || null,
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
  const c = classesTable(req)
  const a = appointmentsTable(req)
  const s = appointmentServicesTable(req)
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
        sql`SELECT ${c.instructor} AS who, 'class' AS kind, ${c.id} AS id, ${c.title} AS title, ${c.startTime} AS s, ${c.endTime} AS e,
                   NULL::uuid AS service, ${c.startTime} AS at FROM ${c.$table}
            WHERE ${c.instructor} = ANY(${list}::uuid[]) AND ${c.status} <> 'cancelled'
              AND ${c.startTime} < ${to.toISOString()}::timestamptz AND ${c.endTime} > ${from.toISOString()}::timestamptz
            UNION ALL
            SELECT a.${a.provider}, 'appointment', a.${a.id}, coalesce(s.${s.title}, 'appointment'), a.${a.blockedFrom}, a.${a.blockedUntil},
                   a.${a.service}, a.${a.startTime}
            FROM ${a.$table} a LEFT JOIN ${s.$table} s ON s.${s.id} = a.${a.service}
            WHERE a.${a.provider} = ANY(${list}::uuid[]) AND a.${a.status} = 'booked'
              AND a.${a.blockedFrom} < ${to.toISOString()}::timestamptz AND a.${a.blockedUntil} > ${from.toISOString()}::timestamptz
              ${exceptAppointment ? sql`AND a.${a.id} <> ${exceptAppointment}` : sql``}`,
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
  const c = classesTable(req)
  const a = appointmentsTable(req)
  const rows = await runSql<{ s: Date; e: Date; service: string | null; at: Date }>(
    req,
    sql`SELECT ${c.startTime} AS s, ${c.endTime} AS e, NULL::uuid AS service, ${c.startTime} AS at FROM ${c.$table}
        WHERE ${c.room} = ${room} AND ${c.status} <> 'cancelled'
          AND ${c.startTime} < ${to.toISOString()}::timestamptz AND ${c.endTime} > ${from.toISOString()}::timestamptz
        UNION ALL
        SELECT ${a.blockedFrom}, ${a.blockedUntil}, ${a.service}, ${a.startTime} FROM ${a.$table}
        WHERE ${a.room} = ${room} AND ${a.status} = 'booked'
          AND ${a.blockedFrom} < ${to.toISOString()}::timestamptz AND ${a.blockedUntil} > ${from.toISOString()}::timestamptz`,
  )
  return rows.map((r) => ({
    start: new Date(r.s).getTime(),
    end: new Date(r.e).getTime(),
    service: r.service ? String(r.service) : null,
    at: new Date(r.at).getTime(),
  }))
}
