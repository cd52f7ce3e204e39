import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { RoomBooking, RoomBookingsInput } from '@plugins/facility/contract'
import { appointmentServicesTable } from '../sql/appointmentServicesTable'
import { appointmentsTable } from '../sql/appointmentsTable'
import { classesTable } from '../sql/classesTable'

/**
 * facility's `facility.roomBookings`: the classes (not cancelled) and booked appointments (their
 * buffered span) of the tenant's `rooms` overlapping [from, to), first first — what the bay grid
 * shows as taken in a shared room. A read: nothing is locked. An appointment is named by its
 * service only (the client stays private).
 */
export const roomBookingsForFacility = async (
  req: PayloadRequest,
  input: RoomBookingsInput,
): Promise<{ bookings: RoomBooking[] }> => {
  if (input.rooms.length === 0) return { bookings: [] }
  const c = classesTable(req)
  const a = appointmentsTable(req)
  const s = appointmentServicesTable(req)
  const rooms = `{${input.rooms.join(',')}}`
  const rows = await runSql<{
    room: string
    kind: 'class' | 'appointment'
    title: string
    start_at: Date
    end_at: Date
  }>(
    req,
    sql`SELECT ${c.room} AS room, 'class' AS kind, ${c.title} AS title, ${c.startTime} AS start_at, ${c.endTime} AS end_at
        FROM ${c.$table}
        WHERE ${c.tenant} = ${input.tenant} AND ${c.room} = ANY(${rooms}::uuid[]) AND ${c.status} <> 'cancelled'
          AND ${c.startTime} < ${input.to}::timestamptz AND ${c.endTime} > ${input.from}::timestamptz
        UNION ALL
        SELECT a.${a.room}, 'appointment', coalesce(s.${s.title}, 'Appointment'), a.${a.blockedFrom}, a.${a.blockedUntil}
        FROM ${a.$table} a LEFT JOIN ${s.$table} s ON s.${s.id} = a.${a.service}
        WHERE a.${a.tenant} = ${input.tenant} AND a.${a.room} = ANY(${rooms}::uuid[]) AND a.${a.status} = 'booked'
          AND a.${a.blockedFrom} < ${input.to}::timestamptz AND a.${a.blockedUntil} > ${input.from}::timestamptz
        ORDER BY start_at`,
  )
  return {
    bookings: rows.map((row) => ({
      room: String(row.room),
      kind: row.kind,
      title: String(row.title),
      startAt: new Date(row.start_at).toISOString(),
      endAt: new Date(row.end_at).toISOString(),
    })),
  }
}
