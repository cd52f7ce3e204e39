import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { escapeHtml, getEnv, runSql, tenantMembershipsTable, tenantsTable, usersTable } from '@/core'
import { guestCancelToken, guestCancelUrl } from '../guests/guestCancelToken'
import type { GuestConfirmation } from './guestConfirmationMessage'
import { localWhen } from './guestConfirmationMessage'
import { bookingsTable } from '../sql/bookingsTable'
import { classesTable } from '../sql/classesTable'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { eventsTable } from '../sql/eventsTable'

/** What a waitlist notice is written from (a booking's offer deadline; an RSVP's member and guests). */
type NoticeRow = {
  email: string | null
  name: string | null
  offer_expires_at?: string | Date | null
  member_id?: string | null
  guests?: number | null
  title: string
  start_time: string | Date
  timezone: string | null
  tenant_name: string
  slug: string
}

/** A place from a waitlist: a class booking promoted or offered, or an event RSVP promoted. */
export type WaitlistNotice =
  | { collection: 'bookings'; id: string; kind: 'promoted' | 'offered' }
  | { collection: 'event-rsvps'; id: string; kind: 'promoted' }

/**
 * The mail telling a member (or an e-mail-only guest) that a waitlist gave them a place: promoted
 * into a class or an event, or offered a class place to claim before the offer lapses. Read in
 * SQL when the job runs; null when the row is gone or no longer in that state (cancelled, the
 * offer claimed or lapsed meanwhile), so nothing stale is sent.
 */
export const waitlistNoticeMessage = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  notice: WaitlistNotice,
): Promise<GuestConfirmation | null> => {
  const t = tenantsTable(req)
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const b = bookingsTable(req)
  const c = classesTable(req)
  const r = eventRsvpsTable(req)
  const e = eventsTable(req)
  const [row] =
    notice.collection === 'bookings'
      ? await runSql<NoticeRow>(
          req,
          sql`SELECT u.${u.email} AS email, u.${u.name} AS name, b.${b.offerExpiresAt} AS offer_expires_at, c.${c.title} AS title,
                     c.${c.startTime} AS start_time, c.${c.timezone} AS timezone, t.${t.name} AS tenant_name, t.${t.slug} AS slug
              FROM ${b.$table} b JOIN ${c.$table} c ON c.${c.id} = b.${b.class} JOIN ${t.$table} t ON t.${t.id} = b.${b.tenant}
                JOIN ${m.$table} m ON m.${m.id} = b.${b.member} JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
              WHERE b.${b.id} = ${notice.id} AND b.${b.status} = ${notice.kind === 'offered' ? 'offered' : 'confirmed'}`,
        )
      : await runSql<NoticeRow>(
          req,
          sql`SELECT coalesce(u.${u.email}, r.${r.guestEmail}) AS email, coalesce(u.${u.name}, r.${r.guestName}) AS name,
                     r.${r.member} AS member_id, r.${r.guests} AS guests, e.${e.title} AS title, e.${e.startTime} AS start_time,
                     e.${e.timezone} AS timezone, t.${t.name} AS tenant_name, t.${t.slug} AS slug
              FROM ${r.$table} r JOIN ${e.$table} e ON e.${e.id} = r.${r.event} JOIN ${t.$table} t ON t.${t.id} = r.${r.tenant}
                LEFT JOIN ${m.$table} m ON m.${m.id} = r.${r.member} LEFT JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
              WHERE r.${r.id} = ${notice.id} AND r.${r.status} = 'going'`,
        )
  if (!row?.email) return null
  const business = String(row.tenant_name)
  const title = String(row.title)
  const zone = row.timezone ?? null
  const when = localWhen(new Date(String(row.start_time)), zone)
  const account = `${getEnv().SERVER_URL.replace(/\/$/, '')}/${String(row.slug)}/account`
  const guests = Number(row.guests ?? 0)
  const guest = notice.collection === 'event-rsvps' && !row.member_id
  const [subject, what, link, linkText] =
    notice.kind === 'offered'
      ? [
          `${business}: a place in ${title} is yours to claim`,
          `A place freed up in ${title} and it is offered to you first. Claim it before ${localWhen(new Date(String(row.offer_expires_at)), zone)}, or it goes to the next in line.`,
          account,
          'Claim your place',
        ]
      : notice.collection === 'bookings'
        ? [
            `${business}: you are in ${title}`,
            `A place freed up in ${title}: you moved up from the waitlist and are booked.`,
            account,
            'Your bookings',
          ]
        : [
            `${business}: you are going to ${title}`,
            `Places freed up at ${title}: you moved up from the waitlist and are going${guests ? ` with ${guests} guest${guests === 1 ? '' : 's'}` : ''}.`,
            guest ? guestCancelUrl(guestCancelToken('event-rsvps', notice.id)) : account,
            guest ? "Can't make it? Cancel here" : 'Your bookings',
          ]
  const hello = row.name ? `Hello ${String(row.name)},` : 'Hello,'
  const text = [hello, '', what, `When: ${when}`, '', `${linkText}: ${link}`, '', business].join('\n')
  const html = `<p>${escapeHtml(hello)}</p><p>${escapeHtml(what)}<br>When: ${escapeHtml(when)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(linkText)}</a></p><p>${escapeHtml(business)}</p>`
  return { to: String(row.email), subject, text, html }
}
