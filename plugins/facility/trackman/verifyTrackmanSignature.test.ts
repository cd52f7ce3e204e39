import { describe, expect, it } from 'vitest'
import { signTrackmanPayload, verifyTrackmanSignature } from './verifyTrackmanSignature'

const raw = JSON.stringify({ id: 'evt_1', type: 'session.started' })
const now = Date.parse('2026-12-06T15:00:00Z')
const t = now / 1000
const opts = { toleranceSeconds: 300, now }

describe('verifyTrackmanSignature', () => {
  it('accepts the exact body signed with the secret within the tolerance', () => {
    expect(verifyTrackmanSignature(raw, signTrackmanPayload(raw, 'whsec', t), 'whsec', opts)).toBe(true)
    expect(verifyTrackmanSignature(raw, signTrackmanPayload(raw, 'whsec', t - 299), 'whsec', opts)).toBe(true)
  })

  it('refuses another secret, another body, a stale or future timestamp, and malformed headers', () => {
    expect(verifyTrackmanSignature(raw, signTrackmanPayload(raw, 'other', t), 'whsec', opts)).toBe(false)
    expect(verifyTrackmanSignature(`${raw} `, signTrackmanPayload(raw, 'whsec', t), 'whsec', opts)).toBe(false)
    expect(verifyTrackmanSignature(raw, signTrackmanPayload(raw, 'whsec', t - 301), 'whsec', opts)).toBe(false)
    expect(verifyTrackmanSignature(raw, signTrackmanPayload(raw, 'whsec', t + 301), 'whsec', opts)).toBe(false)
    for (const header of [null, '', 'v1=abc', `t=${t}`, `t=${t},v1=zz`, `t=x,v1=${'0'.repeat(64)}`])
      expect(verifyTrackmanSignature(raw, header, 'whsec', opts)).toBe(false)
  })
})
