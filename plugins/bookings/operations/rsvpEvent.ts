import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, canBookPort, debitCreditsPort, emit, OperationError, pgErrorCode, runSql } from '@/core'
import { loadEvent, RSVP_COLUMNS, toRsvpJson, type RsvpJson } from './eventJson'
import { resolveBookingMember } from './resolveBookingMember'

export type RsvpInput = { eventId: string; member?: string; guests?: number }

const alreadyGoing = () => new OperationError(409, 'already_rsvped', 'This member already has an RSVP for this event.')

/**
 * RSVPs a member (and guests) to a published event before its deadline. The places are taken by
 * one conditional UPDATE of the event's counter; when they do not fit, the RSVP joins the event's
 * waitlist (if it has one) with a position from the same kind of conditional UPDATE. A partial
 * unique index keeps one going or waitlisted RSVP per member. Must run inside the request's transaction.
 */
export const rsvpEvent = async (req: PayloadRequest, input: RsvpInput): Promise<RsvpJson> => {
  const event = await loadEvent(req, input.eventId)
  const notFound = new OperationError(404, 'not_found', 'No such event.')
  if (!event) throw notFound
  const actor = await resolveBookingMember(req, event.tenant, input.member, notFound)
  if (event.status === 'draft' && !actor.staff) throw notFound
  if (event.status === 'cancelled') throw new OperationError(409, 'event_cancelled', 'This event was cancelled.')
  if (event.status !== 'published') throw new OperationError(409, 'event_not_open', 'This event is not open for RSVPs.')
  const now = new Date()
  if (event.startTime <= now) throw new OperationError(409, 'event_started', 'This event has already started.')
  if (event.rsvpDeadline && event.rsvpDeadline <= now) throw new OperationError(409, 'rsvp_closed', 'RSVPs for this event are closed.')
  const guests = input.guests ?? 0
  if (guests > event.maxGuests) throw new OperationError(422, 'too_many_guests', `Bring at most ${event.maxGuests} guest${event.maxGuests === 1 ? '' : 's'} to this event.`)
  const seats = 1 + guests

  const [existing] = await runSql(
    req,
    sql`SELECT id FROM event_rsvps WHERE event_id = ${event.id} AND member_id = ${actor.member} AND status IN ('going', 'waitlisted') LIMIT 1`,
  )
  if (existing) throw alreadyGoing()

  const guard = await callPort(req, canBookPort, {
    tenant: event.tenant,
    member: actor.member,
    target: { collection: 'events', id: event.id },
    startTime: event.startTime.toISOString(),
    price: event.price,
    creditCost: event.creditCost,
  })
  if (!guard.allowed) throw new OperationError(403, guard.code, guard.reason)

  // The places, or a waitlist position, are taken by one conditional UPDATE of the event's counters
  // (the row lock is held until commit, so positions are unique and contiguous).
  const open = sql`id = ${event.id} AND status = 'published' AND start_time > now() AND (rsvp_deadline IS NULL OR rsvp_deadline > now())`
  let position: number | null = null
  let placed = false
  let waitlistFull = false
  for (let attempt = 0; attempt < 3 && !placed; attempt++) {
    const taken = await runSql(req, sql`UPDATE events SET going_count = going_count + ${seats} WHERE ${open} AND (capacity IS NULL OR going_count + ${seats} <= capacity) RETURNING id`)
    if (taken.length) {
      placed = true
      break
    }
    const [queued] = await runSql<{ waitlist_count: number }>(
      req,
      sql`UPDATE events SET waitlist_count = waitlist_count + 1
          WHERE ${open} AND capacity IS NOT NULL AND ${seats} <= capacity AND going_count + ${seats} > capacity AND waitlist_count < waitlist_capacity
          RETURNING waitlist_count`,
    )
    if (queued) {
      position = Number(queued.waitlist_count)
      placed = true
      break
    }
    // Neither: full (and the waitlist too), or places freed between the two statements; look again under the lock.
    const fresh = await loadEvent(req, event.id, true)
    if (fresh?.status !== 'published') throw new OperationError(409, 'event_not_open', 'This event is no longer open for RSVPs.')
    waitlistFull = fresh.waitlistCapacity > 0 && fresh.waitlistCount >= fresh.waitlistCapacity
    if (fresh.capacity !== null && fresh.goingCount + seats > fresh.capacity && (fresh.waitlistCount >= fresh.waitlistCapacity || seats > fresh.capacity)) break
  }
  if (!placed) {
    const message = seats > 1 ? `There are not ${seats} places left at this event.` : 'This event is full.'
    throw new OperationError(409, 'event_full', waitlistFull ? `${message} The waitlist is full too.` : message)
  }

  const status = position === null ? 'going' : 'waitlisted'
  // Credits are debited when the places are taken: now, or at promotion from the waitlist.
  const credits = status === 'going' && guard.paymentMethod === 'credits' ? (event.creditCost ?? 1) * seats : null
  const [row] = await runSql(
    req,
    sql`INSERT INTO event_rsvps (tenant_id, event_id, member_id, status, guests, waitlist_position, waitlisted_at, payment_method, payment_reference,
                                 price_amount, price_currency, credits_used)
        VALUES (${event.tenant}, ${event.id}, ${actor.member}, ${status}, ${guests}, ${position}, ${position === null ? null : sql`clock_timestamp()`},
                ${guard.paymentMethod}, ${guard.reference ? JSON.stringify(guard.reference) : null}::jsonb, ${event.price?.amount ?? null},
                ${event.price?.currency ?? null}, ${credits})
        RETURNING ${RSVP_COLUMNS}`,
  ).catch((error: unknown) => {
    if (pgErrorCode(error) === '23505') throw alreadyGoing()
    throw error
  })
  const rsvp = toRsvpJson(row)
  if (credits !== null) {
    const debit = await callPort(req, debitCreditsPort, {
      tenant: event.tenant,
      member: actor.member,
      credits,
      reason: `RSVP ${event.title}`,
      ref: { collection: 'event-rsvps', id: rsvp.id },
    })
    if (!debit.ok) throw new OperationError(402, debit.code, debit.reason)
  }
  await emit(req, {
    type: status === 'going' ? 'event.rsvp_created' : 'rsvp.waitlisted',
    tenant: event.tenant,
    subject: { collection: 'event-rsvps', id: rsvp.id },
    data: { event: event.id, member: actor.member, guests, paymentMethod: guard.paymentMethod, startTime: event.startTime.toISOString(), waitlistPosition: position },
  })
  return rsvp
}
