import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { lockProvider } from '../appointments/lockProvider'
import { appointmentServicesTable } from '../sql/appointmentServicesTable'
import { appointmentsTable } from '../sql/appointmentsTable'
import { classesTable } from '../sql/classesTable'

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
  const c = classesTable(req)
  const a = appointmentsTable(req)
  const s = appointmentServicesTable(req)
  const [clash] = await runSql<{ id: string; title: string; start_time: Date }>(
    req,
    sql`SELECT ${c.id} AS id, ${c.title} AS title, ${c.startTime} AS start_time FROM ${c.$table}
        WHERE ${c.instructor} = ${input.instructor} AND ${c.status} <> 'cancelled'
          AND ${c.startTime} < ${input.endTime}::timestamptz AND ${c.endTime} > ${input.startTime}::timestamptz
          ${input.classId ? sql`AND ${c.id} <> ${input.classId}` : sql``}
        ORDER BY ${c.startTime} LIMIT 1`,
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
    sql`SELECT coalesce(s.${s.title}, 'an appointment') AS title, a.${a.startTime} AS start_time
        FROM ${a.$table} a LEFT JOIN ${s.$table} s ON s.${s.id} = a.${a.service}
        WHERE a.${a.provider} = ${input.instructor} AND a.${a.status} = 'booked'
          AND a.${a.blockedFrom} < ${input.endTime}::timestamptz AND a.${a.blockedUntil} > ${input.startTime}::timestamptz
        ORDER BY a.${a.startTime} LIMIT 1`,
  )
  if (appointment) {
    throw new OperationError(
      409,
      'instructor_busy',
      `The instructor has an appointment ("${appointment.title}") at ${new Date(appointment.start_time).toISOString()}, which overlaps this class.`,
    )
  }
}
