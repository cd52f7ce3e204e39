import type { PayloadRequest } from 'payload'
import { callPort } from '@/core'
import { refundCreditsPort, refundPaymentPort } from '@plugins/bookings/contract'
import type { RsvpJson } from '../format/eventJson'
import type { RsvpRefundPlan } from './rsvpRefundPlan'

export type RsvpRefund = {
  credits: number | null
  money: { amount: number; currency: string } | null
  failed?: { code: string; reason: string }
}

/** Carries out an RSVP's refund plan (`rsvpRefundPlan`): credits through `credits.refund`, money through `payments.refund`. */
export const refundRsvp = async (
  req: PayloadRequest,
  rsvp: RsvpJson,
  plan: RsvpRefundPlan,
  reason: string,
): Promise<RsvpRefund> => {
  const ref = { collection: 'event-rsvps', id: rsvp.id }
  if (plan.kind === 'credits' && rsvp.member) {
    const back = await callPort(req, refundCreditsPort, { tenant: rsvp.tenant, member: rsvp.member, ref, reason })
    return back.ok
      ? { credits: back.credits, money: null }
      : { credits: null, money: null, failed: { code: back.code, reason: back.reason } }
  }
  if (plan.kind === 'money') {
    const back = await callPort(req, refundPaymentPort, { tenant: rsvp.tenant, ref, reason })
    return back.ok
      ? { credits: null, money: back.refunded }
      : { credits: null, money: null, failed: { code: back.code, reason: back.reason } }
  }
  return { credits: null, money: null }
}
