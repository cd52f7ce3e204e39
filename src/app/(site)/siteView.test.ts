import { describe, expect, it } from 'vitest'
import { readView, viewSegments } from './siteView'

const LOCATION = '0b3f5c1e-8a51-4c1a-9d6e-1f2a3b4c5d6e'

describe('the query of a cached page carried in its path', () => {
  it('keeps the parameters the page shows, in its order, and drops the rest', () => {
    const query = new URLSearchParams({ location: LOCATION, utm_source: 'mail', week: '2026-12-07' })
    expect(viewSegments('schedule', query)).toEqual(['week', '2026-12-07', 'location', LOCATION])
    expect(viewSegments('pricing', new URLSearchParams('pay=desk&error=out_of_stock&next=/x'))).toEqual([
      'error',
      'out_of_stock',
      'pay',
      'desk',
    ])
  })

  it('drops values not of the expected form (no arbitrary text in a cache key)', () => {
    const query = new URLSearchParams({ week: 'next', location: '../etc', instructor: 'x'.repeat(40) })
    expect(viewSegments('schedule', query)).toEqual([])
    expect(viewSegments('pricing', new URLSearchParams('checkout=maybe&error=<b>'))).toEqual([])
  })

  it('reads back exactly what it writes, and nothing else', () => {
    const query = new URLSearchParams({ week: '2026-12-07', instructor: LOCATION })
    expect(readView('schedule', viewSegments('schedule', query))).toEqual({ week: '2026-12-07', instructor: LOCATION })
    expect(readView('schedule', undefined)).toEqual({})
    expect(readView('schedule', ['location', LOCATION, 'week', '2026-12-07'])).toBeNull() // out of order
    expect(readView('schedule', ['week', '2026-12-07', 'week', '2026-12-14'])).toBeNull() // twice
    expect(readView('schedule', ['week'])).toBeNull()
    expect(readView('pricing', ['error', 'Out Of Stock'])).toBeNull()
  })
})
