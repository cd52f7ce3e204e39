import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { lockProvider } from '../appointments/lockProvider'

/**
 * Refuses (409) a class that would overlap another of the instructor's classes or one of their
 * booked appointments (buffers included). Locks the instructor's membership row first, so two
 * concurrent writes for one person (classes or appointments) serialise.
 */
export const assertInstructorFree = async (
  req: PayloadRequest,
  input: { instructor: string; startTime: string; endTime: string; classId?: string },
): Promise<void> => {
  await lockProvider(req, input.instructor)
  const [clash] = await runSql<{ id: string; title: string; start_time: Date }>(
    req,
    sql`SELECT id, title, start_time FROM classes
        WHERE instructor_id = ${input.instructor} AND status <> 'cancelled'
          AND start_time < ${input.endTime}::timestamptz AND end_time > ${input.startTime}::timestamptz
          ${input.classId ? sql`AND id <> ${input.classId}` : sql``}
        ORDER BY start_time LIMIT 1`,
  )
  if (clash) {
    throw new OperationError(
      409,
      'instructor_busy',
      `The instructor already teaches "${clash.title}" at ${new Date(clash.start_time).toISOString()}, which overlaps this class.`,
    )
  }
  const [appointment] = await runSql<{ title: string; start_time: Date }>(
    req,
    sql`SELECT coalesce(s.title, 'an appointment') AS title, a.start_time FROM appointments a LEFT JOIN appointment_services s ON s.id = a.service_id
        WHERE a.provider_id = ${input.instructor} AND a.status = 'booked'
          AND a.blocked_from < ${input.endTime}::timestamptz AND a.blocked_until > ${input.startTime}::timestamptz
        ORDER BY a.start_time LIMIT 1`,
  )
  if (appointment) {
    throw new OperationError(
      409,
      'instructor_busy',
      `The instructor has an appointment ("${appointment.title}") at ${new Date(appointment.start_time).toISOString()}, which overlaps this class.`,
    )
  }
}
