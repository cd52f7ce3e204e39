import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, OperationError, pgErrorCode, runSql, siteChanged } from '@/core'
import type { PaymentMethod } from '@plugins/bookings/contract'
import type { Guest } from '../../fields/guestFields'
import { queueGuestConfirmation } from '../../jobs/sendGuestConfirmationTask'
import { chargeCredits } from '../shared/chargeCredits'
import { eventGuard } from './eventGuard'
import { loadEvent, rsvpColumns, toRsvpJson, type EventRow, type RsvpJson, type RsvpRow } from '../format/eventJson'
import { guestActor, guestPaymentMethod } from '../guests/guestActor'
import { guestCancelToken, hashGuestCancelToken } from '../guests/guestCancelToken'
import { limitGuestBooking } from '../guests/limitGuestBooking'
import { resolveBookingMember } from '../shared/resolveBookingMember'
import { bookingSettingsTable } from '../sql/bookingSettingsTable'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { eventsTable } from '../sql/eventsTable'

/** `member` for desk staff RSVPing on someone's behalf; `guest` for an e-mail-only RSVP (a visitor, or desk staff for one). */
export type RsvpInput = { eventId: string; member?: string; guests?: number; guest?: Guest }

const alreadyGoing = (guest: boolean) =>
  new OperationError(
    409,
    'already_rsvped',
    guest
      ? 'This e-mail address already has an RSVP for this event.'
      : 'This member already has an RSVP for this event.',
  )

/**
 * RSVPs a member — or an e-mail-only guest, where the tenant allows visitors to (`publicEventRsvp`) —
 * (and the people they bring) to a published event before its deadline. The places are taken by
 * one conditional UPDATE of the event's counter; when they do not fit, the RSVP joins the event's
 * waitlist (if it has one) with a position from the same kind of conditional UPDATE. Partial
 * unique indexes keep one going or waitlisted RSVP per member and per guest e-mail. Must run
 * inside the request's transaction.
 */
export const rsvpEvent = async (req: PayloadRequest, input: RsvpInput): Promise<RsvpJson> => {
  if (!req.user) {
    if (!input.guest) throw new OperationError(401, 'unauthenticated', 'Sign in to RSVP.')
    await limitGuestBooking(req)
  }
  const event = await loadEvent(req, input.eventId)
  const notFound = new OperationError(404, 'not_found', 'No such event.')
  if (!event || (!req.user && event.status === 'draft')) throw notFound
  const guest = input.guest ?? null
  const actor = guest
    ? { ...(await eventGuestActor(req, event, notFound)), staff: Boolean(req.user) }
    : await resolveBookingMember(req, event.tenant, input.member, notFound)
  if (event.status === 'draft' && !actor.staff) throw notFound
  if (event.status === 'cancelled') throw new OperationError(409, 'event_cancelled', 'This event was cancelled.')
  if (event.status !== 'published') throw new OperationError(409, 'event_not_open', 'This event is not open for RSVPs.')
  const now = new Date()
  if (event.startTime <= now) throw new OperationError(409, 'event_started', 'This event has already started.')
  if (event.rsvpDeadline && event.rsvpDeadline <= now)
    throw new OperationError(409, 'rsvp_closed', 'RSVPs for this event are closed.')
  const guests = input.guests ?? 0
  if (guests > event.maxGuests)
    throw new OperationError(
      422,
      'too_many_guests',
      `Bring at most ${event.maxGuests} guest${event.maxGuests === 1 ? '' : 's'} to this event.`,
    )
  const seats = 1 + guests

  const e = eventsTable(req)
  const r = eventRsvpsTable(req)
  const whose = actor.member
    ? sql`${r.member} = ${actor.member}`
    : sql`${r.member} IS NULL AND lower(${r.guestEmail}) = ${guest!.email.toLowerCase()}`
  const [existing] = await runSql<{ id: string }>(
    req,
    sql`SELECT ${r.id} AS id FROM ${r} WHERE ${r.event} = ${event.id} AND ${whose} AND ${r.status} IN ('going', 'waitlisted') LIMIT 1`,
  )
  if (existing) throw alreadyGoing(!actor.member)

  // A guest has no membership for the guard to look at (see guestPaymentMethod).
  const guard: { paymentMethod: PaymentMethod; reference?: { collection: string; id: string } } = actor.member
    ? await allowedRsvp(req, event, actor.member)
    : { paymentMethod: guestPaymentMethod(event.price) }

  // The places, or a waitlist position, are taken by one conditional UPDATE of the event's counters
  // (the row lock is held until commit, so positions are unique and contiguous).
  const open = sql`${e.id} = ${event.id} AND ${e.status} = 'published' AND ${e.startTime} > now()
    AND (${e.rsvpDeadline} IS NULL OR ${e.rsvpDeadline} > now())`
  let position: number | null = null
  let placed = false
  let waitlistFull = false
  for (let attempt = 0; attempt < 3 && !placed; attempt++) {
    const taken = await runSql<{ id: string }>(
      req,
      sql`UPDATE ${e} SET ${e.goingCount} = ${e.goingCount} + ${seats}
          WHERE ${open} AND (${e.capacity} IS NULL OR ${e.goingCount} + ${seats} <= ${e.capacity}) RETURNING ${e.id} AS id`,
    )
    if (taken.length) {
      placed = true
      break
    }
    const [queued] = await runSql<{ waitlist_count: number }>(
      req,
      sql`UPDATE ${e} SET ${e.waitlistCount} = ${e.waitlistCount} + 1
          WHERE ${open} AND ${e.capacity} IS NOT NULL AND ${seats} <= ${e.capacity} AND ${e.goingCount} + ${seats} > ${e.capacity}
            AND ${e.waitlistCount} < ${e.waitlistCapacity}
          RETURNING ${e.waitlistCount} AS waitlist_count`,
    )
    if (queued) {
      position = Number(queued.waitlist_count)
      placed = true
      break
    }
    // Neither: full (and the waitlist too), or places freed between the two statements; look again under the lock.
    const fresh = await loadEvent(req, event.id, true)
    if (fresh?.status !== 'published')
      throw new OperationError(409, 'event_not_open', 'This event is no longer open for RSVPs.')
    waitlistFull = fresh.waitlistCapacity > 0 && fresh.waitlistCount >= fresh.waitlistCapacity
    if (
      fresh.capacity !== null &&
      fresh.goingCount + seats > fresh.capacity &&
      (fresh.waitlistCount >= fresh.waitlistCapacity || seats > fresh.capacity)
    )
      break
  }
  if (!placed) {
    const message = seats > 1 ? `There are not ${seats} places left at this event.` : 'This event is full.'
    throw new OperationError(409, 'event_full', waitlistFull ? `${message} The waitlist is full too.` : message)
  }

  const status = position === null ? 'going' : 'waitlisted'
  // Credits are debited when the places are taken: now, or at promotion from the waitlist.
  const credits =
    actor.member && status === 'going' && guard.paymentMethod === 'credits' ? (event.creditCost ?? 1) * seats : null
  const id = randomUUID()
  const [row] = await runSql<RsvpRow>(
    req,
    sql`INSERT INTO ${r} (${r.id}, ${r.tenant}, ${r.event}, ${r.member}, ${r.guestName}, ${r.guestEmail}, ${r.guestPhone}, ${r.cancelTokenHash},
                          ${r.status}, ${r.guests}, ${r.waitlistPosition}, ${r.waitlistedAt}, ${r.paymentMethod}, ${r.paymentReference},
                          ${r.priceAmount}, ${r.priceCurrency}, ${r.creditsUsed})
        VALUES (${id}, ${event.tenant}, ${event.id}, ${actor.member}, ${guest?.name ?? null}, ${guest?.email ?? null}, ${guest?.phone ?? null},
                ${guest ? hashGuestCancelToken(guestCancelToken('event-rsvps', id)) : null}, ${status}, ${guests}, ${position},
                ${position === null ? null : sql`clock_timestamp()`}, ${guard.paymentMethod}, ${guard.reference ? JSON.stringify(guard.reference) : null}::jsonb,
                ${event.price?.amount ?? null}, ${event.price?.currency ?? null}, ${credits})
        RETURNING ${rsvpColumns(r)}`,
  ).catch((error: unknown) => {
    // The partial unique indexes (per member, per guest e-mail) back the check above.
    if (pgErrorCode(error) === '23505') throw alreadyGoing(!actor.member)
    throw error
  })
  const rsvp = toRsvpJson(row)
  if (credits !== null && actor.member) {
    await chargeCredits(req, {
      tenant: event.tenant,
      member: actor.member,
      credits,
      reason: `RSVP ${event.title}`,
      ref: { collection: 'event-rsvps', id: rsvp.id },
    })
  }
  await emit(req, {
    type: status === 'going' ? 'event.rsvp_created' : 'rsvp.waitlisted',
    tenant: event.tenant,
    subject: { collection: 'event-rsvps', id: rsvp.id },
    data: {
      event: event.id,
      member: actor.member,
      guest: Boolean(guest),
      guests,
      paymentMethod: guard.paymentMethod,
      startTime: event.startTime.toISOString(),
      waitlistPosition: position,
      ...(guest && { guestContact: { email: guest.email, name: guest.name ?? null, phone: guest.phone ?? null } }),
    },
  })
  if (guest) await queueGuestConfirmation(req, 'event-rsvps', id)
  siteChanged(event.tenant, 'events')
  return rsvp
}

/** `guards.canBook` for a member's RSVP; a refusal answers 403. */
const allowedRsvp = async (req: PayloadRequest, event: EventRow, member: string) => {
  const guard = await eventGuard(req, event, member)
  if (!guard.allowed) throw new OperationError(403, guard.code, guard.reason)
  return guard
}

/** Who RSVPs for a guest: desk staff, or the visitor themself where the tenant has `publicEventRsvp` on. */
const eventGuestActor = (req: PayloadRequest, event: EventRow, notFound: OperationError) =>
  guestActor(req, {
    tenant: event.tenant,
    notFound,
    closedCode: 'guest_rsvp_closed',
    closedMessage: 'This business does not take RSVPs without an account; sign in to RSVP.',
    publicAllowed: async () => {
      const s = bookingSettingsTable(req)
      const [settings] = await runSql<{ open: boolean | null }>(
        req,
        sql`SELECT ${s.publicEventRsvp} AS open FROM ${s} WHERE ${s.tenant} = ${event.tenant} LIMIT 1`,
      )
      return Boolean(settings?.open)
    },
  })
