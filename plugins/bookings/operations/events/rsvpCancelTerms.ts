import type { PayloadRequest } from 'payload'
import { OperationError } from '@/core'
import { loadRsvp, type EventRow, type RsvpJson } from '../format/eventJson'
import { ownsOrWorksDesk } from '../shared/resolveBookingMember'
import { rsvpRefundPlan, type RsvpRefundPlan } from './rsvpRefundPlan'
import { takesAttendance } from '../classes/takesAttendance'

export type RsvpCancelTerms = { refund: RsvpRefundPlan; placesFreed: number }

/** The RSVP for its member or desk staff of its tenant (a guest's: desk staff only); 401 signed out, 404 for anyone else. */
export const findRsvpForCaller = async (req: PayloadRequest, rsvpId: string): Promise<RsvpJson> => {
  if (!req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const rsvp = await loadRsvp(req, rsvpId)
  if (
    !rsvp ||
    !(rsvp.member ? await ownsOrWorksDesk(req, rsvp.tenant, rsvp.member) : await takesAttendance(req, rsvp.tenant))
  ) {
    throw new OperationError(404, 'not_found', 'No such RSVP.')
  }
  return rsvp
}

/**
 * What cancelling `rsvp` (going or waitlisted, before the event starts; else 409) means: the
 * refund (`rsvpRefundPlan`) and the places it gives back to the event (a waitlisted RSVP holds
 * none). The cancel and its preview both decide with this.
 */
export const rsvpCancelTerms = (
  rsvp: RsvpJson,
  event: Pick<EventRow, 'startTime'>,
  now = new Date(),
): RsvpCancelTerms => {
  if (rsvp.status !== 'going' && rsvp.status !== 'waitlisted')
    throw new OperationError(409, 'not_cancellable', `This RSVP is ${rsvp.status.replace('_', ' ')}.`)
  if (event.startTime <= now)
    throw new OperationError(409, 'event_started', 'The event has started; ask the organisers.')
  return { refund: rsvpRefundPlan(rsvp), placesFreed: rsvp.status === 'going' ? 1 + rsvp.guests : 0 }
}
