import { describe, expect, it } from 'vitest'
import { retryAfterOf } from './retryAfterOf'

const now = new Date('2026-12-07T08:00:00.000Z')

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP dates as the instant the retry may go', () => {
    expect(retryAfterOf('120', now)).toEqual(new Date('2026-12-07T08:02:00.000Z'))
    expect(retryAfterOf(' 5 ', now)).toEqual(new Date('2026-12-07T08:00:05.000Z'))
    expect(retryAfterOf('Mon, 07 Dec 2026 09:30:00 GMT', now)).toEqual(new Date('2026-12-07T09:30:00.000Z'))
  })

  it('ignores what is absent, unreadable or past, and cuts a wait past a day', () => {
    expect(retryAfterOf(null, now)).toBeNull()
    expect(retryAfterOf('', now)).toBeNull()
    expect(retryAfterOf('soon', now)).toBeNull()
    expect(retryAfterOf('-5', now)).toBeNull()
    expect(retryAfterOf('0', now)).toBeNull()
    expect(retryAfterOf('Mon, 07 Dec 2026 07:00:00 GMT', now)).toBeNull()
    expect(retryAfterOf('999999', now)).toEqual(new Date('2026-12-08T08:00:00.000Z'))
  })
})
