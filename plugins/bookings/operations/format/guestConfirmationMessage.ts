import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { escapeHtml, runSql, tenantsTable } from '@/core'
import { guestCancelToken, guestCancelUrl, type GuestBookingCollection } from '../guests/guestCancelToken'
import { appointmentServicesTable } from '../sql/appointmentServicesTable'
import { appointmentsTable } from '../sql/appointmentsTable'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { eventsTable } from '../sql/eventsTable'

/** What a guest confirmation is written from (an RSVP also has its guests and waitlist place). */
type ConfirmationRow = {
  guest_name: string | null
  guest_email: string | null
  status: string
  guests?: number | null
  waitlist_position?: number | string | null
  title: string
  start_time: string | Date
  timezone: string | null
  tenant_name: string
}

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
  const t = tenantsTable(req)
  const r = eventRsvpsTable(req)
  const e = eventsTable(req)
  const a = appointmentsTable(req)
  const s = appointmentServicesTable(req)
  const [row] =
    collection === 'event-rsvps'
      ? await runSql<ConfirmationRow>(
          req,
          sql`SELECT r.${r.guestName} AS guest_name, r.${r.guestEmail} AS guest_email, r.${r.status} AS status, r.${r.guests} AS guests,
                     r.${r.waitlistPosition} AS waitlist_position, e.${e.title} AS title, e.${e.startTime} AS start_time,
                     e.${e.timezone} AS timezone, t.${t.name} AS tenant_name
              FROM ${r.$table} r JOIN ${e.$table} e ON e.${e.id} = r.${r.event} JOIN ${t.$table} t ON t.${t.id} = r.${r.tenant}
              WHERE r.${r.id} = ${id} AND r.${r.member} IS NULL AND r.${r.status} IN ('going', 'waitlisted')`,
        )
      : await runSql<ConfirmationRow>(
          req,
          sql`SELECT a.${a.guestName} AS guest_name, a.${a.guestEmail} AS guest_email, a.${a.status} AS status, s.${s.title} AS title,
                     a.${a.startTime} AS start_time, a.${a.timezone} AS timezone, t.${t.name} AS tenant_name
              FROM ${a.$table} a JOIN ${s.$table} s ON s.${s.id} = a.${a.service} JOIN ${t.$table} t ON t.${t.id} = a.${a.tenant}
              WHERE a.${a.id} = ${id} AND a.${a.member} IS NULL AND a.${a.status} = 'booked'`,
        )
  if (!row?.guest_email) return null
  const business = String(row.tenant_name)
  const title = String(row.title)
  const when = localWhen(new Date(String(row.start_time)), row.timezone ?? null)
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
