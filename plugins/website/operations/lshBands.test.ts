import { describe, expect, it } from 'vitest'
import { estimateSimilarity, fingerprintOf } from './fingerprint'
import { LSH_BANDS, lshBands } from './lshBands'

const a =
  'Hot yoga in Berlin: the studio heats the room to 38 degrees. Beginners start with the Monday flow at 07:00 with Ana, and the Wednesday class at 18:30 suits people after work. Bring water and a towel. Mats are free to borrow, showers are on the first floor and the café sells coconut water after class.'
const b =
  'Indoor golf in winter at Fairway Club: five Trackman bays in Chicago stay open until 22:00. Members book up to two weeks ahead; guests pay the rack rate of $55 per hour. Lessons with the pro start at 09:00.'

const shared = (x: string[], y: string[]) => x.filter((key) => y.includes(key)).length

describe('the near-duplicate index keys (LSH bands of the MinHash signature)', () => {
  it('one key per band, the same for the same text', () => {
    const keys = lshBands(fingerprintOf(a, 4))
    expect(keys).toHaveLength(LSH_BANDS)
    expect(new Set(keys.map((k) => k.split(':')[0])).size).toBe(LSH_BANDS)
    expect(keys.every((k) => /^\d{1,2}:[0-9a-f]{16}$/.test(k))).toBe(true)
    expect(lshBands(fingerprintOf(a, 4))).toEqual(keys)
    expect(lshBands([])).toEqual([])
  })

  it('a near copy shares keys (so it is a candidate); an unrelated text shares none', () => {
    const copy = a.replace('Berlin', 'Munich').replace('Monday', 'Tuesday')
    const [fa, fc, fb] = [fingerprintOf(a, 4), fingerprintOf(copy, 4), fingerprintOf(b, 4)]
    expect(estimateSimilarity(fa, fc)).toBeGreaterThan(0.5)
    expect(shared(lshBands(fa), lshBands(fc))).toBeGreaterThan(0)
    expect(shared(lshBands(fa), lshBands(fb))).toBe(0)
  })

  it('finds every pair at or above the default threshold among generated variants (no false negative)', () => {
    const words = a.split(' ')
    const base = fingerprintOf(a, 4)
    let checked = 0
    for (let edits = 1; edits <= 12; edits++) {
      for (let seed = 0; seed < 8; seed++) {
        const variant = words.map((w, i) => ((i * 7 + seed * 13) % words.length < edits ? `${w}x${seed}` : w)).join(' ')
        const print = fingerprintOf(variant, 4)
        if (estimateSimilarity(base, print) < 0.5) continue
        checked++
        expect(shared(lshBands(base), lshBands(print)), variant).toBeGreaterThan(0)
      }
    }
    expect(checked).toBeGreaterThan(10)
  })
})
