import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { escapeHtml, runSql } from '@/core'
import { guestCancelToken, guestCancelUrl, type GuestBookingCollection } from '../guests/guestCancelToken'

export type GuestConfirmation = { to: string; subject: string; text: string; html: string }

/** A start time as the guest reads it: in the zone of the event or appointment, e.g. "Monday, April 5, 2027 at 10:00 AM EDT". */
export const localWhen = (at: Date, timezone: string | null): string =>
  new Intl.DateTimeFormat('en-US', { timeZone: timezone ?? 'UTC', dateStyle: 'full', timeStyle: 'short' }).format(at) +
  ` (${new Intl.DateTimeFormat('en-US', { timeZone: timezone ?? 'UTC', timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'UTC'})`

/**
 * The confirmation mail of a guest booking (an e-mail-only RSVP or a guest appointment) with its
 * cancel link, read in SQL; null when the row is gone, not a guest's, or no longer active.
 */
export const guestConfirmationMessage = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  collection: GuestBookingCollection,
  id: string,
): Promise<GuestConfirmation | null> => {
  const [row] =
    collection === 'event-rsvps'
      ? await runSql<Record<string, unknown>>(
          req,
          sql`SELECT r.guest_name, r.guest_email, r.status, r.guests, r.waitlist_position, e.title, e.start_time, e.timezone, t.name AS tenant_name
              FROM event_rsvps r JOIN events e ON e.id = r.event_id JOIN tenants t ON t.id = r.tenant_id
              WHERE r.id = ${id} AND r.member_id IS NULL AND r.status IN ('going', 'waitlisted')`,
        )
      : await runSql<Record<string, unknown>>(
          req,
          sql`SELECT a.guest_name, a.guest_email, a.status, s.title, a.start_time, a.timezone, t.name AS tenant_name
              FROM appointments a JOIN appointment_services s ON s.id = a.service_id JOIN tenants t ON t.id = a.tenant_id
              WHERE a.id = ${id} AND a.member_id IS NULL AND a.status = 'booked'`,
        )
  if (!row?.guest_email) return null
  const business = String(row.tenant_name)
  const title = String(row.title)
  const when = localWhen(new Date(String(row.start_time)), (row.timezone as string) ?? null)
  const url = guestCancelUrl(guestCancelToken(collection, id))
  const guests = Number(row.guests ?? 0)
  const what =
    collection === 'appointments'
      ? `Your booking of ${title} is confirmed.`
      : row.status === 'waitlisted'
        ? `You are on the waitlist for ${title} (position ${Number(row.waitlist_position)}). You will take a place when one frees up in your turn.`
        : `You are going to ${title}${guests ? ` with ${guests} guest${guests === 1 ? '' : 's'}` : ''}.`
  const subject =
    collection === 'appointments' ? `${business}: your booking of ${title}` : `${business}: your RSVP to ${title}`
  const lines = [
    `Hello ${String(row.guest_name)},`,
    '',
    what,
    `When: ${when}`,
    '',
    `Can't make it? Cancel here: ${url}`,
    '',
    business,
  ]
  const html = `<p>Hello ${escapeHtml(String(row.guest_name))},</p><p>${escapeHtml(what)}<br>When: ${escapeHtml(when)}</p><p><a href="${escapeHtml(url)}">Cancel ${
    collection === 'appointments' ? 'this booking' : 'this RSVP'
  }</a></p><p>${escapeHtml(business)}</p>`
  return { to: String(row.guest_email), subject, text: lines.join('\n'), html }
}
