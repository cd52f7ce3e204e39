import type { Config, PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'
import { callPort, definePort, implementPort } from './ports'

const canBook = definePort<{ member: string }, { allowed: boolean; reason?: string }>('guards.canBook', () => ({
  allowed: true,
}))
const reqWith = (config: Config) => ({ payload: { config } }) as unknown as PayloadRequest

describe('ports', () => {
  it('use the documented fallback when no plugin implements them', async () => {
    expect(await callPort(reqWith({} as Config), canBook, { member: 'm1' })).toEqual({ allowed: true })
  })

  it('call the implementing plugin, and only one may implement a port', async () => {
    const config = implementPort({} as Config, canBook, (_req, { member }) => ({
      allowed: member !== 'banned',
      reason: 'waiver missing',
    }))
    expect(await callPort(reqWith(config), canBook, { member: 'banned' })).toEqual({
      allowed: false,
      reason: 'waiver missing',
    })
    expect(() => implementPort(config, canBook, () => ({ allowed: true }))).toThrow(/implemented twice/)
  })
})
