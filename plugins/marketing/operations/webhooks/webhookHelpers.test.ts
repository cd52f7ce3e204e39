import { describe, expect, it } from 'vitest'
import { Webhook } from 'standardwebhooks'
import { z } from 'zod'
import { sampleFromSchema } from '../../integrations/zapier/sampleFromSchema'
import { backoffDelay } from './backoffDelay'
import { isValidSigningSecret, newSigningSecret } from './signingSecret'
import { webhookUrlProblem } from './webhookUrlProblem'

describe('webhook helpers', () => {
  it('accept https, and http only to localhost outside production', () => {
    expect(webhookUrlProblem('https://hooks.example.com/x')).toBeUndefined()
    expect(webhookUrlProblem('http://127.0.0.1:4000/x')).toBeUndefined()
    expect(webhookUrlProblem('http://example.com/x')).toMatch(/https/)
    expect(webhookUrlProblem('https://user:pw@example.com/x')).toMatch(/credentials/)
    expect(webhookUrlProblem('ftp://example.com')).toMatch(/https/)
    expect(webhookUrlProblem('nope')).toMatch(/valid/)
  })

  it('back off along the schedule with ±20 % jitter, the last step repeating', () => {
    const schedule = [1, 5, 30]
    expect(backoffDelay(1, schedule, () => 0.5)).toBe(60_000)
    expect(backoffDelay(2, schedule, () => 0)).toBe(240_000)
    expect(backoffDelay(3, schedule, () => 1)).toBe(2_160_000)
    expect(backoffDelay(9, schedule, () => 0.5)).toBe(1_800_000)
  })

  it('make secrets Standard Webhooks accepts, and refuse malformed ones', () => {
    const secret = newSigningSecret()
    expect(isValidSigningSecret(secret)).toBe(true)
    const wh = new Webhook(secret)
    const ts = new Date()
    const sig = wh.sign('msg_1', ts, '{}')
    expect(
      wh.verify('{}', {
        'webhook-id': 'msg_1',
        'webhook-timestamp': String(Math.floor(ts.getTime() / 1000)),
        'webhook-signature': sig,
      }),
    ).toEqual({})
    expect(isValidSigningSecret('whsec_short')).toBe(false)
    expect(isValidSigningSecret('not base64 !')).toBe(false)
  })

  it('build a sample from an event schema', () => {
    const schema = z.object({ user: z.string(), roles: z.array(z.string()), at: z.string().nullish(), n: z.number() })
    expect(sampleFromSchema(schema)).toEqual({
      user: 'sample-user',
      roles: ['sample-roles'],
      at: new Date(0).toISOString(),
      n: 1,
    })
  })
})
