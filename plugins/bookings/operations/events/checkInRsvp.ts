import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { emit, OperationError, runSql } from '@/core'
import { bookingPolicy } from '../classes/bookingPolicy'
import { loadEvent, loadRsvp, rsvpColumns, toRsvpJson, type RsvpJson, type RsvpRow } from '../format/eventJson'
import { eventRsvpsTable } from '../sql/eventRsvpsTable'
import { takesAttendance } from '../classes/takesAttendance'

/**
 * Marks a going RSVP `attended` (desk staff of the tenant), from `checkInWindowMinutes` before the
 * event until it ends; idempotent. Its places stay taken.
 */
export const checkInRsvp = async (
  req: PayloadRequest,
  input: { rsvpId: string },
): Promise<{ rsvp: RsvpJson; alreadyCheckedIn: boolean }> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const peek = await loadRsvp(req, input.rsvpId)
  if (!peek || !(await takesAttendance(req, peek.tenant))) throw new OperationError(404, 'not_found', 'No such RSVP.')
  const rsvp = (await loadRsvp(req, peek.id, true))!
  if (rsvp.status === 'attended') return { rsvp, alreadyCheckedIn: true }
  if (rsvp.status !== 'going')
    throw new OperationError(409, 'not_going', `A ${rsvp.status.replace('_', '-')} RSVP cannot be checked in.`)
  const event = (await loadEvent(req, rsvp.event))!
  const { checkInWindowMinutes } = await bookingPolicy(req, rsvp.tenant)
  const now = Date.now()
  if (now < event.startTime.getTime() - checkInWindowMinutes * 60_000 || now > event.endTime.getTime()) {
    throw new OperationError(
      409,
      'outside_check_in_window',
      `Check-in opens ${checkInWindowMinutes} minutes before the event and closes when it ends.`,
    )
  }
  const r = eventRsvpsTable(req)
  const [row] = await runSql<RsvpRow>(
    req,
    sql`UPDATE ${r} SET ${r.status} = 'attended', ${r.checkedInAt} = now(), ${r.updatedAt} = now()
        WHERE ${r.id} = ${rsvp.id} AND ${r.status} = 'going' RETURNING ${rsvpColumns(r)}`,
  )
  await emit(req, {
    type: 'rsvp.checked_in',
    tenant: rsvp.tenant,
    subject: { collection: 'event-rsvps', id: rsvp.id },
    data: { event: event.id, member: rsvp.member, guests: rsvp.guests },
  })
  return { rsvp: toRsvpJson(row), alreadyCheckedIn: false }
}
