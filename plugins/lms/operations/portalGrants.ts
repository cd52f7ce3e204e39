import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, hasCollection, idOf, runSql } from '@/core'
import { accessGrantsTable } from './sql/accessGrantsTable'

const DAY = 86_400_000

/** RSVP statuses that hold a place at the event (and so its portal). */
const HOLDING = ['going', 'attended']

/**
 * A `booking` grant for one portal resource of an event, for the RSVP's member, from `from` to
 * `until` (one statement on U(member, target)). An existing grant is taken over only when it was
 * revoked, has expired or is a booking grant that ends sooner; an active purchase or complimentary
 * grant is left alone (it already opens the resource). A redelivered event changes nothing.
 */
const grantBooking = async (
  req: PayloadRequest,
  input: {
    tenant: string
    member: string
    target: { collection: 'courses' | 'content-items'; id: string }
    from: Date
    until: Date
    rsvp: string
  },
): Promise<string | null> => {
  const g = accessGrantsTable(req)
  const course = input.target.collection === 'courses' ? input.target.id : null
  const item = input.target.collection === 'content-items' ? input.target.id : null
  const conflict = course ? g.course : g.contentItem
  const [row] = await runSql<{ id: string }>(
    req,
    sql`INSERT INTO ${g.$table} AS x (${g.tenant}, ${g.member}, ${g.course}, ${g.contentItem}, ${g.accessType}, ${g.grantedAt},
          ${g.availableFrom}, ${g.expiresAt}, ${g.sourceCollection}, ${g.sourceId})
        VALUES (${input.tenant}, ${input.member}, ${course}, ${item}, 'booking', now(),
          ${input.from.toISOString()}::timestamptz, ${input.until.toISOString()}::timestamptz, 'event-rsvps', ${input.rsvp})
        ON CONFLICT (${g.tenant}, ${g.member}, ${conflict}) DO UPDATE
          SET ${g.accessType} = 'booking', ${g.grantedAt} = now(), ${g.availableFrom} = EXCLUDED.${g.availableFrom},
              ${g.expiresAt} = EXCLUDED.${g.expiresAt}, ${g.revokedAt} = NULL, ${g.revokeReason} = NULL,
              ${g.sourceCollection} = EXCLUDED.${g.sourceCollection}, ${g.sourceId} = EXCLUDED.${g.sourceId}
          WHERE x.${g.revokedAt} IS NOT NULL
             OR (x.${g.expiresAt} IS NOT NULL AND x.${g.expiresAt} <= now())
             OR (x.${g.accessType} = 'booking' AND x.${g.expiresAt} < EXCLUDED.${g.expiresAt})
        RETURNING x.${g.id} AS id`,
  )
  if (!row) return null
  await emit(req, {
    type: 'access.granted',
    tenant: input.tenant,
    subject: { collection: 'access-grants', id: row.id },
    data: { grant: row.id, member: input.member, target: input.target, accessType: 'booking' },
  })
  return row.id
}

/**
 * An RSVP that holds a place (going, or promoted from the waitlist) opens the event's portal
 * resources (⊕ `events.lmsPortal`) for its member, from `accessBeforeDays` before the start until
 * `accessAfterDays` after the end. Reads the RSVP and the event through Payload (the events carry
 * ids, not the portal). Guests without a membership get nothing. Idempotent.
 */
export const portalGrantsFromRsvp = async (
  req: PayloadRequest,
  input: { tenant: string; rsvp: string },
): Promise<string[]> => {
  if (!hasCollection(req.payload, 'event-rsvps') || !hasCollection(req.payload, 'events')) return []
  const rsvp = await req.payload.findByID({
    collection: 'event-rsvps',
    id: input.rsvp,
    depth: 0,
    req,
    disableErrors: true,
  })
  const member = idOf(rsvp?.member)
  const eventId = idOf(rsvp?.event)
  if (!rsvp || !member || !eventId || !HOLDING.includes(rsvp.status)) return []
  const event = await req.payload.findByID({ collection: 'events', id: eventId, depth: 0, req, disableErrors: true })
  const portal = event?.lmsPortal
  if (!event || !portal || event.status === 'cancelled') return []
  const from = new Date(new Date(event.startTime).getTime() - (portal.accessBeforeDays ?? 0) * DAY)
  const until = new Date(new Date(event.endTime).getTime() + (portal.accessAfterDays ?? 0) * DAY)
  const targets = [
    ...(portal.courses ?? []).map((c) => ({ collection: 'courses' as const, id: idOf(c) })),
    ...(portal.contentItems ?? []).map((c) => ({ collection: 'content-items' as const, id: idOf(c) })),
  ].filter((t): t is { collection: 'courses' | 'content-items'; id: string } => !!t.id)
  const grants: string[] = []
  for (const target of targets) {
    const id = await grantBooking(req, { tenant: input.tenant, member, target, from, until, rsvp: input.rsvp })
    if (id) grants.push(id)
  }
  return grants
}

/** Revokes every unrevoked grant a source made (a refunded order, a cancelled RSVP), announcing `access.revoked`. */
export const revokeGrantsFrom = async (
  req: PayloadRequest,
  input: { tenant: string; source: { collection: string; id: string }; reason: string },
): Promise<string[]> => {
  const g = accessGrantsTable(req)
  const rows = await runSql<{ id: string; member: string }>(
    req,
    sql`UPDATE ${g.$table} SET ${g.revokedAt} = now(), ${g.revokeReason} = ${input.reason}
        WHERE ${g.tenant} = ${input.tenant} AND ${g.sourceCollection} = ${input.source.collection}
          AND ${g.sourceId} = ${input.source.id} AND ${g.revokedAt} IS NULL
        RETURNING ${g.id} AS id, ${g.member} AS member`,
  )
  for (const row of rows)
    await emit(req, {
      type: 'access.revoked',
      tenant: input.tenant,
      subject: { collection: 'access-grants', id: row.id },
      data: { grant: row.id, member: row.member, reason: input.reason },
    })
  return rows.map((r) => r.id)
}
