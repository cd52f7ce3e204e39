import { describe, expect, it } from 'vitest'
import { refundedMessage, refundPlanText } from './refunds'

describe('refundPlanText (the confirm step before cancelling an RSVP or appointment, from the cancel preview)', () => {
  it('gives credits back when the place was paid with credits, none while waiting on the waitlist', () => {
    expect(refundPlanText({ kind: 'credits', credits: 2 }, { paymentMethod: 'credits' })).toBe(
      'The 2 credits you used go back to your account.',
    )
    expect(refundPlanText({ kind: 'credits', credits: 1 })).toBe('The 1 credit you used goes back to your account.')
    expect(refundPlanText({ kind: 'none' }, { paymentMethod: 'credits' })).toBe(
      'No credits were taken for it yet, so nothing is refunded.',
    )
  })
  it('says what is refunded for every place (member and guests), in minor units', () => {
    expect(refundPlanText({ kind: 'money', amount: 4500, currency: 'USD' }, { places: 3 })).toBe(
      'Anything you paid for it ($45.00 for 3 places) is refunded.',
    )
    expect(refundPlanText({ kind: 'money', amount: 7500, currency: 'USD' })).toBe(
      'Anything you paid for it ($75.00) is refunded.',
    )
    expect(refundPlanText({ kind: 'money', amount: 5000, currency: 'JPY' })).toBe(
      'Anything you paid for it (¥5,000) is refunded.',
    )
  })
  it('says there is nothing to refund for free places and membership-covered ones', () => {
    expect(refundPlanText({ kind: 'none' }, { paymentMethod: 'free' })).toBe(
      'It was free, so there is nothing to refund.',
    )
    expect(refundPlanText({ kind: 'none' })).toBe('It was free, so there is nothing to refund.')
    expect(refundPlanText({ kind: 'none' }, { paymentMethod: 'membership' })).toBe(
      'It is covered by your membership, so there is nothing to refund.',
    )
  })
})

describe('refundedMessage (the confirmation after a cancel)', () => {
  it('reads what the cancel endpoint refunded from the query string', () => {
    expect(refundedMessage({ credits: '2' })).toBe('2 credits are back in your account.')
    expect(refundedMessage({ refunded: '4500', currency: 'USD' })).toBe('$45.00 is refunded.')
    expect(refundedMessage({})).toBe('')
  })
  it('ignores values that are not whole amounts and currency codes', () => {
    expect(refundedMessage({ credits: '1.5', refunded: '-100', currency: 'USD' })).toBe('')
    expect(refundedMessage({ refunded: '100', currency: '<script>' })).toBe('')
  })
})
