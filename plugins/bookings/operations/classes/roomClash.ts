import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import { appointmentServicesTable } from '../sql/appointmentServicesTable'
import { appointmentsTable } from '../sql/appointmentsTable'
import { classesTable } from '../sql/classesTable'
import { roomsTable } from '../sql/roomsTable'

export type RoomClash = { title: string; startAt: string }

/**
 * Locks the room's row (`FOR NO KEY UPDATE`, held until the transaction ends, so every write for
 * one room — classes, appointments, facility reservations of a resource linked to it — serialises
 * on it) and names the first class (not cancelled) or booked appointment (its buffered span) in
 * the room overlapping [startTime, endTime), other than `classId`. Null when the room is free (or
 * unknown: `tenant` null).
 */
export const roomClash = async (
  req: PayloadRequest,
  input: { room: string; startTime: string; endTime: string; classId?: string },
): Promise<{ tenant: string | null; clash: RoomClash | null }> => {
  const r = roomsTable(req)
  const c = classesTable(req)
  const a = appointmentsTable(req)
  const s = appointmentServicesTable(req)
  const [room] = await runSql<{ tenant: string }>(
    req,
    sql`SELECT ${r.tenant} AS tenant FROM ${r.$table} WHERE ${r.id} = ${input.room} FOR NO KEY UPDATE`,
  )
  const [clash] = await runSql<{ title: string; start_time: Date }>(
    req,
    sql`SELECT ${c.title} AS title, ${c.startTime} AS start_time FROM ${c.$table}
        WHERE ${c.room} = ${input.room} AND ${c.status} <> 'cancelled'
          AND ${c.startTime} < ${input.endTime}::timestamptz AND ${c.endTime} > ${input.startTime}::timestamptz
          ${input.classId ? sql`AND ${c.id} <> ${input.classId}` : sql``}
        UNION ALL
        SELECT coalesce(s.${s.title}, 'an appointment'), a.${a.startTime}
        FROM ${a.$table} a LEFT JOIN ${s.$table} s ON s.${s.id} = a.${a.service}
        WHERE a.${a.room} = ${input.room} AND a.${a.status} = 'booked'
          AND a.${a.blockedFrom} < ${input.endTime}::timestamptz AND a.${a.blockedUntil} > ${input.startTime}::timestamptz
        ORDER BY start_time LIMIT 1`,
  )
  return {
    tenant: room ? String(room.tenant) : null,
    clash: clash ? { title: clash.title, startAt: new Date(clash.start_time).toISOString() } : null,
  }
}
