import type { PayloadRequest } from 'payload'
import { callPort, refundCreditsPort, refundPaymentPort } from '@/core'
import type { RsvpJson } from './eventJson'

export type RsvpRefund = { credits: number | null; money: { amount: number; currency: string } | null; failed?: { code: string; reason: string } }

/** Gives back what an RSVP cost: credits through `credits.refund`, money through `payments.refund`. */
export const refundRsvp = async (req: PayloadRequest, rsvp: RsvpJson, reason: string): Promise<RsvpRefund> => {
  const ref = { collection: 'event-rsvps', id: rsvp.id }
  if (rsvp.paymentMethod === 'credits' && rsvp.member) {
    const back = await callPort(req, refundCreditsPort, { tenant: rsvp.tenant, member: rsvp.member, ref, reason })
    return back.ok ? { credits: back.credits, money: null } : { credits: null, money: null, failed: { code: back.code, reason: back.reason } }
  }
  if (rsvp.price && rsvp.price.amount > 0 && rsvp.paymentMethod !== 'free') {
    const back = await callPort(req, refundPaymentPort, { tenant: rsvp.tenant, ref, reason })
    return back.ok ? { credits: null, money: back.refunded } : { credits: null, money: null, failed: { code: back.code, reason: back.reason } }
  }
  return { credits: null, money: null }
}
