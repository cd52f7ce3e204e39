import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql, tenantsTable } from '@/core'
import { hashGuestCancelToken, type GuestBookingCollection } from './guestCancelToken'
import { appointmentServicesTable } from '../sql/appointmentServicesTable'
import { appointmentsTable } from '../sql/appointmentsTable'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { eventsTable } from '../sql/eventsTable'

type GuestBookingRow = {
  collection: GuestBookingCollection
  id: string
  parent: string
  title: string
  start_time: string | Date
  timezone: string | null
  status: string
  business: string
}

export type GuestBooking = {
  collection: GuestBookingCollection
  id: string
  /** The event of an RSVP, the service of an appointment. */
  parent: string
  title: string
  startTime: string
  timezone: string | null
  status: string
  business: string
}

/** A cancel-link token: 32 bytes, base64url. */
export const GUEST_CANCEL_TOKEN = /^[A-Za-z0-9_-]{43}$/

/** The guest RSVP or guest appointment a cancel-link token belongs to, found by the token's sha256; 400 malformed, 404 unknown. */
export const findGuestBooking = async (req: PayloadRequest, token: string): Promise<GuestBooking> => {
  if (!GUEST_CANCEL_TOKEN.test(token))
    throw new OperationError(
      400,
      'invalid_token',
      'This cancel link is malformed; copy the whole link from your e-mail.',
    )
  const hash = hashGuestCancelToken(token)
  const r = eventRsvpsTable(req)
  const e = eventsTable(req)
  const a = appointmentsTable(req)
  const s = appointmentServicesTable(req)
  const t = tenantsTable(req)
  const [row] = await runSql<GuestBookingRow>(
    req,
    sql`SELECT 'event-rsvps' AS collection, r.${r.id} AS id, r.${r.event} AS parent, e.${e.title} AS title, e.${e.startTime} AS start_time,
               e.${e.timezone} AS timezone, r.${r.status}::text AS status, t.${t.name} AS business
          FROM ${r.$table} r JOIN ${e.$table} e ON e.${e.id} = r.${r.event} JOIN ${t.$table} t ON t.${t.id} = r.${r.tenant}
          WHERE r.${r.cancelTokenHash} = ${hash}
        UNION ALL
        SELECT 'appointments', a.${a.id}, a.${a.service}, s.${s.title}, a.${a.startTime}, a.${a.timezone}, a.${a.status}::text, t.${t.name}
          FROM ${a.$table} a JOIN ${s.$table} s ON s.${s.id} = a.${a.service} JOIN ${t.$table} t ON t.${t.id} = a.${a.tenant}
          WHERE a.${a.cancelTokenHash} = ${hash}
        LIMIT 1`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'This cancel link is not valid.')
  return {
    collection: row.collection,
    id: String(row.id),
    parent: String(row.parent),
    title: String(row.title),
    startTime: new Date(String(row.start_time)).toISOString(),
    timezone: row.timezone ?? null,
    status: String(row.status),
    business: String(row.business),
  }
}
