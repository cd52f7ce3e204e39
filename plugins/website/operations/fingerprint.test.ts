import { describe, expect, it } from 'vitest'
import { estimateSimilarity, fingerprintOf, jaccard, shingles } from './fingerprint'

const a =
  'Hot yoga in Berlin: the studio heats the room to 38 degrees. Beginners start with the Monday flow at 07:00 with Ana, and the Wednesday class at 18:30 suits people after work. Bring water and a towel.'
const b =
  'Indoor golf in winter at Fairway Club: five Trackman bays in Chicago stay open until 22:00. Members book up to two weeks ahead; guests pay the rack rate of $55 per hour. Lessons with the pro start at 09:00.'

describe('near-duplicate fingerprint', () => {
  it('finds a copy (even lightly edited) similar and a distinct text not', () => {
    const copy = a.replace('Berlin', 'Munich')
    expect(jaccard(shingles(a, 4), shingles(copy, 4))).toBeGreaterThan(0.6)
    expect(estimateSimilarity(fingerprintOf(a, 4), fingerprintOf(a, 4))).toBe(1)
    expect(estimateSimilarity(fingerprintOf(a, 4), fingerprintOf(copy, 4))).toBeGreaterThan(0.6)
    expect(estimateSimilarity(fingerprintOf(a, 4), fingerprintOf(b, 4))).toBeLessThan(0.1)
  })

  it('ignores case and punctuation, and an empty text matches nothing', () => {
    expect(jaccard(shingles('Hello, World! again today', 2), shingles('hello world again today', 2))).toBe(1)
    expect(estimateSimilarity(fingerprintOf('', 4), fingerprintOf('', 4))).toBe(0)
  })
})
