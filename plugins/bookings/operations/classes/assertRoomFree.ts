import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'

/**
 * Refuses (409 `room_busy`) a class or appointment that would overlap another class (not
 * cancelled) or booked appointment (its buffered span) in the same room. Locks the room row first,
 * so concurrent writes for one room serialise (taken after the instructor/provider lock).
 */
export const assertRoomFree = async (
  req: PayloadRequest,
  input: { room: string; startTime: string; endTime: string; classId?: string; what: 'class' | 'appointment' },
): Promise<void> => {
  await runSql(req, sql`SELECT id FROM rooms WHERE id = ${input.room} FOR NO KEY UPDATE`)
  const [clash] = await runSql<{ title: string; start_time: Date }>(
    req,
    sql`SELECT title, start_time FROM classes
        WHERE room_id = ${input.room} AND status <> 'cancelled'
          AND start_time < ${input.endTime}::timestamptz AND end_time > ${input.startTime}::timestamptz
          ${input.classId ? sql`AND id <> ${input.classId}` : sql``}
        UNION ALL
        SELECT coalesce(s.title, 'an appointment'), a.start_time FROM appointments a LEFT JOIN appointment_services s ON s.id = a.service_id
        WHERE a.room_id = ${input.room} AND a.status = 'booked'
          AND a.blocked_from < ${input.endTime}::timestamptz AND a.blocked_until > ${input.startTime}::timestamptz
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
