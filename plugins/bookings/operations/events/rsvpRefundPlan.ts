import type { RefundPlan } from '../../contract'
import type { RsvpJson } from '../format/eventJson'

/** What cancelling an RSVP gives back: the credits it used, the money paid for its places, or nothing. */
export type RsvpRefundPlan = RefundPlan

/**
 * The one rule deciding an RSVP's refund, used by the cancel preview, the cancel and the event's
 * cancellation alike (`rsvp` as it was before cancelling). A going RSVP paid with credits gets its
 * credits back (a waitlisted one was not charged yet); a priced drop-in gets back what was paid,
 * at most the price snapshot × places; free, membership and complimentary places cost nothing.
 */
export const rsvpRefundPlan = (
  rsvp: Pick<RsvpJson, 'status' | 'member' | 'paymentMethod' | 'price' | 'creditsUsed' | 'guests'>,
): RsvpRefundPlan => {
  if (rsvp.paymentMethod === 'credits') {
    return rsvp.status === 'going' && rsvp.member && rsvp.creditsUsed
      ? { kind: 'credits', credits: rsvp.creditsUsed }
      : { kind: 'none' }
  }
  if (rsvp.paymentMethod === 'drop_in' && rsvp.price && rsvp.price.amount > 0) {
    return { kind: 'money', amount: rsvp.price.amount * (1 + rsvp.guests), currency: rsvp.price.currency }
  }
  return { kind: 'none' }
}
