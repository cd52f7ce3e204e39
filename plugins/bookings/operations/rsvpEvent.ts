import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, canBookPort, debitCreditsPort, emit, OperationError, pgErrorCode, runSql } from '@/core'
import { loadEvent, RSVP_COLUMNS, toRsvpJson, type RsvpJson } from './eventJson'
import { resolveBookingMember } from './resolveBookingMember'

export type RsvpInput = { eventId: string; member?: string; guests?: number }

const alreadyGoing = () => new OperationError(409, 'already_rsvped', 'This member already has an RSVP for this event.')

/**
 * RSVPs a member (and guests) to a published event before its deadline. The places are taken by
 * one conditional UPDATE of the event's counter; a partial unique index keeps one active RSVP per
 * member. Must run inside the request's transaction.
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

  const [existing] = await runSql(req, sql`SELECT id FROM event_rsvps WHERE event_id = ${event.id} AND member_id = ${actor.member} AND status = 'going' LIMIT 1`)
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

  const taken = await runSql(
    req,
    sql`UPDATE events SET going_count = going_count + ${seats}
        WHERE id = ${event.id} AND status = 'published' AND start_time > now() AND (rsvp_deadline IS NULL OR rsvp_deadline > now())
          AND (capacity IS NULL OR going_count + ${seats} <= capacity)
        RETURNING going_count`,
  )
  if (!taken.length) {
    const fresh = await loadEvent(req, event.id)
    if (fresh?.status !== 'published') throw new OperationError(409, 'event_not_open', 'This event is no longer open for RSVPs.')
    throw new OperationError(409, 'event_full', seats > 1 ? `There are not ${seats} places left at this event.` : 'This event is full.')
  }

  const credits = guard.paymentMethod === 'credits' ? (event.creditCost ?? 1) * seats : null
  const [row] = await runSql(
    req,
    sql`INSERT INTO event_rsvps (tenant_id, event_id, member_id, status, guests, payment_method, payment_reference, price_amount, price_currency, credits_used)
        VALUES (${event.tenant}, ${event.id}, ${actor.member}, 'going', ${guests}, ${guard.paymentMethod},
                ${guard.reference ? JSON.stringify(guard.reference) : null}::jsonb, ${event.price?.amount ?? null}, ${event.price?.currency ?? null}, ${credits})
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
    type: 'event.rsvp_created',
    tenant: event.tenant,
    subject: { collection: 'event-rsvps', id: rsvp.id },
    data: { event: event.id, member: actor.member, guests, paymentMethod: guard.paymentMethod, startTime: event.startTime.toISOString() },
  })
  return rsvp
}
