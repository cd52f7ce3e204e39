import { describe, expect, it } from 'vitest'
import { feeReversed, splitFee } from './platformFee'

describe('platform fee arithmetic (integer minor units)', () => {
  it('rounds the fee half up on the content part and gives the creator the rest', () => {
    expect(splitFee(4999, 4999, 3000)).toEqual({ platformFee: 1500, creatorPayout: 3499, bps: 3000 }) // 1499.7
    expect(splitFee(1005, 1005, 1000)).toEqual({ platformFee: 101, creatorPayout: 904, bps: 1000 }) // 100.5 → 101
    expect(splitFee(3000, 2000, 2500)).toEqual({ platformFee: 500, creatorPayout: 2500, bps: 2500 }) // only content lines
    expect(splitFee(1000, 5000, 1000)?.platformFee).toBe(100) // never more than what was paid
    expect(splitFee(1000, 0, 3000)).toBeNull()
  })
  it('reverses the fee in proportion, the parts adding up to the whole fee', () => {
    expect(feeReversed(1500, 4999, 0, 2000)).toBe(600) // 600.12
    const parts = [333, 333, 333, 4000].reduce<{ before: number; sum: number }>(
      (acc, n) => ({ before: acc.before + n, sum: acc.sum + feeReversed(1500, 4999, acc.before, n) }),
      { before: 0, sum: 0 },
    )
    expect(parts.sum).toBe(1500)
    expect(feeReversed(0, 4999, 0, 100)).toBe(0)
  })
})
