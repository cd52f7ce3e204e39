import { describe, expect, it } from 'vitest'
import { guestFieldInError, parseGuest } from './guestInput'

describe('parseGuest', () => {
  it('normalises the e-mail and leaves an empty optional phone out', () => {
    expect(parseGuest({ name: ' Gina Guest ', email: ' Gina@Example.TEST ', phone: '' })).toEqual({
      guest: { name: 'Gina Guest', email: 'gina@example.test' },
    })
    expect(parseGuest({ name: 'Gina', email: 'gina@example.test', phone: '+1 (555) 010-0100' })).toEqual({
      guest: { name: 'Gina', email: 'gina@example.test', phone: '+1 (555) 010-0100' },
    })
  })

  it('names the first field that is not valid', () => {
    expect(parseGuest({ name: '  ', email: 'gina@example.test', phone: '' })).toEqual({ error: 'invalid_guest_name' })
    expect(parseGuest({ name: 'Gina', email: 'not-an-address', phone: '' })).toEqual({ error: 'invalid_guest_email' })
    expect(parseGuest({ name: 'Gina', email: 'gina@example.test', phone: 'call me' })).toEqual({
      error: 'invalid_guest_phone',
    })
    expect(parseGuest({ name: 'x'.repeat(201), email: 'gina@example.test', phone: '' })).toEqual({
      error: 'invalid_guest_name',
    })
  })

  it('requires the phone when asked to', () => {
    expect(parseGuest({ name: 'Gina', email: 'gina@example.test', phone: '' }, { phoneRequired: true })).toEqual({
      error: 'invalid_guest_phone',
    })
    expect(
      parseGuest({ name: 'Gina', email: 'gina@example.test', phone: '555 0100' }, { phoneRequired: true }),
    ).toEqual({
      guest: { name: 'Gina', email: 'gina@example.test', phone: '555 0100' },
    })
  })

  it('maps an outcome code back to its field', () => {
    expect(guestFieldInError('invalid_guest_email')).toBe('email')
    expect(guestFieldInError('event_full')).toBeNull()
  })
})
