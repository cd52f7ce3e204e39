import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { escapeHtml, getEnv, runSql } from '@/core'
import { guestCancelToken, guestCancelUrl } from '../guests/guestCancelToken'
import type { GuestConfirmation } from './guestConfirmationMessage'
import { localWhen } from './guestConfirmationMessage'

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
  const [row] =
    notice.collection === 'bookings'
      ? await runSql<Record<string, unknown>>(
          req,
          sql`SELECT u.email, u.name, b.offer_expires_at, c.title, c.start_time, c.timezone, t.name AS tenant_name, t.slug
              FROM bookings b JOIN classes c ON c.id = b.class_id JOIN tenants t ON t.id = b.tenant_id
                JOIN tenant_memberships m ON m.id = b.member_id JOIN users u ON u.id = m.user_id
              WHERE b.id = ${notice.id} AND b.status = ${notice.kind === 'offered' ? 'offered' : 'confirmed'}`,
        )
      : await runSql<Record<string, unknown>>(
          req,
          sql`SELECT coalesce(u.email, r.guest_email) AS email, coalesce(u.name, r.guest_name) AS name, r.member_id, r.guests, e.title, e.start_time, e.timezone,
                     t.name AS tenant_name, t.slug
              FROM event_rsvps r JOIN events e ON e.id = r.event_id JOIN tenants t ON t.id = r.tenant_id
                LEFT JOIN tenant_memberships m ON m.id = r.member_id LEFT JOIN users u ON u.id = m.user_id
              WHERE r.id = ${notice.id} AND r.status = 'going'`,
        )
  if (!row?.email) return null
  const business = String(row.tenant_name)
  const title = String(row.title)
  const zone = (row.timezone as string) ?? null
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
