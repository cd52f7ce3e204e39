import { describe, expect, it } from 'vitest'
import { signTimestamped, verifyTimestamped } from './timestampedSignature'

const raw = JSON.stringify({ id: 'evt_1', type: 'session.started' })
const now = Date.parse('2026-12-06T15:00:00Z')
const t = now / 1000
const opts = { toleranceSeconds: 300, now }

describe('verifyTimestamped', () => {
  it('accepts the exact body signed with the secret within the tolerance', () => {
    expect(verifyTimestamped(raw, signTimestamped(raw, 'whsec', t), 'whsec', opts)).toBe(true)
    expect(verifyTimestamped(raw, signTimestamped(raw, 'whsec', t - 299), 'whsec', opts)).toBe(true)
  })

  it('refuses another secret, another body, a stale or future timestamp, and malformed headers', () => {
    expect(verifyTimestamped(raw, signTimestamped(raw, 'other', t), 'whsec', opts)).toBe(false)
    expect(verifyTimestamped(`${raw} `, signTimestamped(raw, 'whsec', t), 'whsec', opts)).toBe(false)
    expect(verifyTimestamped(raw, signTimestamped(raw, 'whsec', t - 301), 'whsec', opts)).toBe(false)
    expect(verifyTimestamped(raw, signTimestamped(raw, 'whsec', t + 301), 'whsec', opts)).toBe(false)
    for (const header of [null, '', 'v1=abc', `t=${t}`, `t=${t},v1=zz`, `t=x,v1=${'0'.repeat(64)}`])
      expect(verifyTimestamped(raw, header, 'whsec', opts)).toBe(false)
  })

  it('defaults to a five-minute window', () => {
    expect(verifyTimestamped(raw, signTimestamped(raw, 'whsec', t - 299), 'whsec', { now })).toBe(true)
    expect(verifyTimestamped(raw, signTimestamped(raw, 'whsec', t - 301), 'whsec', { now })).toBe(false)
  })
})
