import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { appointmentServicesTable } from '../sql/appointmentServicesTable'
import { appointmentsTable } from '../sql/appointmentsTable'
import { classesTable } from '../sql/classesTable'
import { roomsTable } from '../sql/roomsTable'

/**
 * Refuses (409 `room_busy`) a class or appointment that would overlap another class (not
 * cancelled) or booked appointment (its buffered span) in the same room. Locks the room row first,
 * so concurrent writes for one room serialise (taken after the instructor/provider lock).
 */
export const assertRoomFree = async (
  req: PayloadRequest,
  input: { room: string; startTime: string; endTime: string; classId?: string; what: 'class' | 'appointment' },
): Promise<void> => {
  const r = roomsTable(req)
  const c = classesTable(req)
  const a = appointmentsTable(req)
  const s = appointmentServicesTable(req)
  await runSql(req, sql`SELECT ${r.id} FROM ${r.$table} WHERE ${r.id} = ${input.room} FOR NO KEY UPDATE`)
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
  if (clash) {
    throw new OperationError(
      409,
      'room_busy',
      `The room is taken by "${clash.title}" at ${new Date(clash.start_time).toISOString()}, which overlaps this ${input.what}.`,
    )
  }
}
