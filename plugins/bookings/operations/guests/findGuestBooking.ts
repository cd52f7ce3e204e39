import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { OperationError, runSql } from '@/core'
import { hashGuestCancelToken, type GuestBookingCollection } from './guestCancelToken'

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
  const [row] = await runSql<Record<string, unknown>>(
    req,
    sql`SELECT 'event-rsvps' AS collection, r.id, r.event_id AS parent, e.title, e.start_time, e.timezone, r.status::text AS status, t.name AS business
          FROM event_rsvps r JOIN events e ON e.id = r.event_id JOIN tenants t ON t.id = r.tenant_id WHERE r.cancel_token_hash = ${hash}
        UNION ALL
        SELECT 'appointments', a.id, a.service_id, s.title, a.start_time, a.timezone, a.status::text, t.name
          FROM appointments a JOIN appointment_services s ON s.id = a.service_id JOIN tenants t ON t.id = a.tenant_id WHERE a.cancel_token_hash = ${hash}
        LIMIT 1`,
  )
  if (!row) throw new OperationError(404, 'not_found', 'This cancel link is not valid.')
  return {
    collection: row.collection as GuestBookingCollection,
    id: String(row.id),
    parent: String(row.parent),
    title: String(row.title),
    startTime: new Date(String(row.start_time)).toISOString(),
    timezone: (row.timezone as string) ?? null,
    status: String(row.status),
    business: String(row.business),
  }
}
