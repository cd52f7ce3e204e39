import type { RefundPlan } from '@plugins/bookings/contract'
import { money } from './format'

/**
 * The confirm step's sentence for what cancelling gives back, as the bookings plugin's cancel
 * preview decided it (`GET /api/{event-rsvps,appointments}/:id/cancel-preview` → `refund`). The
 * rule is the plugin's; `paymentMethod` only picks the words when nothing comes back.
 */
export const refundPlanText = (
  refund: RefundPlan,
  { paymentMethod, places = 1 }: { paymentMethod?: string | null; places?: number } = {},
): string => {
  if (refund.kind === 'credits' && refund.credits > 0) {
    const one = refund.credits === 1
    return `The ${refund.credits} ${one ? 'credit' : 'credits'} you used ${one ? 'goes' : 'go'} back to your account.`
  }
  if (refund.kind === 'money')
    return `Anything you paid for it (${money({ amount: refund.amount, currency: refund.currency })}${places > 1 ? ` for ${places} places` : ''}) is refunded.`
  if (refund.kind === 'credits' || paymentMethod === 'credits')
    return 'No credits were taken for it yet, so nothing is refunded.'
  if (paymentMethod === 'membership' || paymentMethod === 'complimentary')
    return 'It is covered by your membership, so there is nothing to refund.'
  return 'It was free, so there is nothing to refund.'
}

/** The refund a cancel action put in the query string (`credits`, `refunded` + `currency`), as a sentence; '' when none. */
export const refundedMessage = (query: Record<string, string | string[] | undefined>): string => {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? ''
  const credits = Number(first(query.credits))
  const amount = Number(first(query.refunded))
  const currency = first(query.currency)
  const parts: string[] = []
  if (Number.isInteger(credits) && credits > 0)
    parts.push(`${credits} ${credits === 1 ? 'credit is' : 'credits are'} back in your account.`)
  if (Number.isInteger(amount) && amount > 0 && /^[A-Z]{3}$/.test(currency))
    parts.push(`${money({ amount, currency })} is refunded.`)
  return parts.join(' ')
}
