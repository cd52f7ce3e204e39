import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { localDayBounds, locationsTable, runSql, tenantMembershipsTable, tenantsTable } from '@/core'
import { appointmentServicesTable } from '../sql/appointmentServicesTable'
import { appointmentsTable } from '../sql/appointmentsTable'
import { bookingsTable } from '../sql/bookingsTable'
import { classesTable } from '../sql/classesTable'

export type StaffDayClass = {
  id: string
  title: string
  startTime: string
  timezone: string | null
  status: string
  location: string | null
  instructor: string | null
  capacity: number
  booked: number
  waitlisted: number
  checkedIn: number
}

export type StaffDayAppointment = {
  id: string
  service: string | null
  startTime: string
  timezone: string | null
  status: string
  provider: string | null
  who: string | null
  checkedIn: boolean
}

export type StaffDay = {
  /** `YYYY-MM-DD` in the tenant's zone. */
  date: string
  timezone: string
  classes: StaffDayClass[]
  appointments: StaffDayAppointment[]
}

/**
 * Today's classes and appointments of a tenant for the staff home, with booked, waitlisted and
 * checked-in counts; `staffMember` narrows it to one instructor's classes and one provider's
 * appointments. Three statements, each on a tenant-led index. The caller checks the viewer's role.
 */
export const readStaffDay = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  input: { tenant: string; staffMember?: string | null; now?: Date },
): Promise<StaffDay> => {
  const t = tenantsTable(req)
  const [tenant] = await runSql<{ timezone: string }>(
    req,
    sql`SELECT ${t.timezone} AS timezone FROM ${t.$table} WHERE ${t.id} = ${input.tenant}`,
  )
  const timezone = tenant?.timezone ?? 'UTC'
  const { date, from, to } = localDayBounds(input.now ?? new Date(), timezone)
  const c = classesTable(req)
  const b = bookingsTable(req)
  const l = locationsTable(req)
  const m = tenantMembershipsTable(req)
  const mine = input.staffMember ?? null
  const classes = await runSql<StaffDayClass>(
    req,
    sql`SELECT c.${c.id} AS id, c.${c.title} AS title, c.${c.startTime} AS "startTime", c.${c.timezone} AS timezone,
        c.${c.status} AS status, l.${l.name} AS location, m.${m.displayName} AS instructor, c.${c.capacity}::int AS capacity,
        coalesce(c.${c.bookedCount}, 0)::int AS booked, coalesce(c.${c.waitlistCount}, 0)::int AS waitlisted,
        (SELECT count(*)::int FROM ${b.$table} b WHERE b.${b.class} = c.${c.id} AND b.${b.status} = 'checked_in') AS "checkedIn"
      FROM ${c.$table} c
      LEFT JOIN ${l.$table} l ON l.${l.id} = c.${c.location}
      LEFT JOIN ${m.$table} m ON m.${m.id} = c.${c.instructor}
      WHERE c.${c.tenant} = ${input.tenant} AND c.${c.startTime} >= ${from.toISOString()} AND c.${c.startTime} < ${to.toISOString()}
        AND (${mine}::uuid IS NULL OR c.${c.instructor} = ${mine}::uuid)
      ORDER BY c.${c.startTime}, c.${c.title} LIMIT 100`,
  )
  const a = appointmentsTable(req)
  const s = appointmentServicesTable(req)
  const appointments = await runSql<StaffDayAppointment>(
    req,
    sql`SELECT a.${a.id} AS id, s.${s.title} AS service, a.${a.startTime} AS "startTime", a.${a.timezone} AS timezone,
        a.${a.status} AS status, p.${m.displayName} AS provider, coalesce(w.${m.displayName}, a.${a.guestName}) AS who,
        a.${a.checkedInAt} IS NOT NULL AS "checkedIn"
      FROM ${a.$table} a
      LEFT JOIN ${s.$table} s ON s.${s.id} = a.${a.service}
      LEFT JOIN ${m.$table} p ON p.${m.id} = a.${a.provider}
      LEFT JOIN ${m.$table} w ON w.${m.id} = a.${a.member}
      WHERE a.${a.tenant} = ${input.tenant} AND a.${a.startTime} >= ${from.toISOString()} AND a.${a.startTime} < ${to.toISOString()}
        AND (${mine}::uuid IS NULL OR a.${a.provider} = ${mine}::uuid)
      ORDER BY a.${a.startTime} LIMIT 100`,
  )
  const iso = (value: unknown) => new Date(value as string).toISOString()
  return {
    date,
    timezone,
    classes: classes.map((row) => ({ ...row, startTime: iso(row.startTime) })),
    appointments: appointments.map((row) => ({ ...row, startTime: iso(row.startTime) })),
  }
}
