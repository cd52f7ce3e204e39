import { money } from './format'

type Money = { amount: number; currency: string }

/**
 * What cancelling a paid-for place gives back, from its own payment snapshot — the rule of the
 * bookings plugin's cancel endpoints for appointments and RSVPs: credits go back through the
 * credits port; a price not paid with credits (and not free) is refunded through the payments
 * port. `charged: false` for places not charged yet (an RSVP waiting on the waitlist with credits).
 */
export const refundText = ({
  paymentMethod,
  price,
  credits,
  places = 1,
  charged = true,
}: {
  paymentMethod?: string | null
  price?: { amount?: number | null; currency?: string | null } | null
  credits?: number | null
  places?: number
  charged?: boolean
}): string => {
  if (paymentMethod === 'credits') {
    if (!charged || !credits) return 'No credits were taken for it yet, so nothing is refunded.'
    return `The ${credits} ${credits === 1 ? 'credit' : 'credits'} you used ${credits === 1 ? 'goes' : 'go'} back to your account.`
  }
  const paid: Money | null =
    price?.amount && price.currency ? { amount: price.amount * places, currency: price.currency } : null
  if (paid && paid.amount > 0 && paymentMethod !== 'free')
    return `Anything you paid for it (${money(paid)}${places > 1 ? ` for ${places} places` : ''}) is refunded.`
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
