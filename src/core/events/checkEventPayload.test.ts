import { describe, expect, it } from 'vitest'
import { checkEventPayload } from './checkEventPayload'
import { coreEventSchemas } from './coreEvents'

describe('checkEventPayload (what emit checks in tests)', () => {
  it('accepts a payload that matches its schema', () => {
    expect(() => checkEventPayload(coreEventSchemas, 'location.created', { timezone: 'Europe/Paris' })).not.toThrow()
  })

  it('refuses a payload that does not match, naming the field', () => {
    expect(() => checkEventPayload(coreEventSchemas, 'location.created', { timezone: 42 })).toThrow(
      /Event "location.created" does not match its schema: timezone: /,
    )
    expect(() => checkEventPayload(coreEventSchemas, 'member.created', { user: 'u1', status: 'active' })).toThrow(
      /roles: /,
    )
  })

  it('refuses an event type nobody registered', () => {
    expect(() => checkEventPayload(coreEventSchemas, 'location.exploded', {})).toThrow(
      /Event "location.exploded" is not registered/,
    )
  })
})
