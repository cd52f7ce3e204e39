import { describe, expect, it } from 'vitest'
import {
  blogPostingJsonLd,
  businessTypeFor,
  courseJsonLd,
  eventJsonLd,
  faqPageJsonLd,
  isoInZone,
  localBusinessJsonLd,
  priceString,
  serializeJsonLd,
  siteOrigin,
  type EventInput,
} from './index'

/**
 * Google's rich-results requirements per type (developers.google.com/search/docs/appearance/
 * structured-data): the properties that must be present for the result to be eligible.
 */
const REQUIRED: Record<string, string[]> = {
  Event: ['name', 'startDate', 'location'],
  Course: ['name', 'description', 'provider'],
  FAQPage: ['mainEntity'],
  BlogPosting: ['headline'],
  ExerciseGym: ['name', 'address'],
  HealthClub: ['name', 'address'],
  SportsActivityLocation: ['name', 'address'],
}
const RECOMMENDED: Record<string, string[]> = {
  Event: ['endDate', 'eventStatus', 'eventAttendanceMode', 'offers', 'organizer', 'url'],
  BlogPosting: ['datePublished', 'dateModified', 'author', 'image', 'url'],
}

/** The JSON-LD a page would carry, read back the way a crawler does (through the script's text). */
const roundTrip = (data: unknown) => JSON.parse(serializeJsonLd(data)) as Record<string, unknown>

const expectValid = (data: unknown, recommended = false) => {
  const node = roundTrip(data)
  expect(node['@context']).toBe('https://schema.org')
  const types = ([] as unknown[]).concat(node['@type'])
  for (const type of types) {
    expect(REQUIRED[type as string], `a known type: ${String(type)}`).toBeDefined()
    for (const key of [...REQUIRED[type as string], ...(recommended ? (RECOMMENDED[type as string] ?? []) : [])]) {
      expect(node[key], `${String(type)}.${key}`).toBeDefined()
      expect(node[key], `${String(type)}.${key}`).not.toBe('')
    }
  }
  return node
}

const address = { line1: '12 Main St', city: 'Brooklyn', region: 'NY', postalCode: '11201', country: 'us' }

const baseEvent: EventInput = {
  name: 'Vinyasa Flow',
  startTime: '2026-03-08T15:00:00.000Z',
  endTime: '2026-03-08T16:00:00.000Z',
  timezone: 'America/New_York',
  cancelled: false,
  deliveryMode: 'in_person',
  place: { name: 'Downtown Studio', address },
  url: 'https://sunrise.example.com/classes/1',
  price: { amount: 1250, currency: 'USD' },
  placesLeft: 3,
  organizer: { name: 'Sunrise Yoga', url: 'https://sunrise.example.com' },
}

describe('isoInZone: local time with the zone offset at that instant', () => {
  it('follows New York across the March DST change', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT.
    expect(isoInZone('2026-03-07T15:00:00Z', 'America/New_York')).toBe('2026-03-07T10:00:00-05:00')
    expect(isoInZone('2026-03-08T06:59:59Z', 'America/New_York')).toBe('2026-03-08T01:59:59-05:00')
    expect(isoInZone('2026-03-08T07:00:00Z', 'America/New_York')).toBe('2026-03-08T03:00:00-04:00')
    expect(isoInZone('2026-03-09T15:00:00Z', 'America/New_York')).toBe('2026-03-09T11:00:00-04:00')
    // November: back to -05:00; the repeated hour keeps its own offset.
    expect(isoInZone('2026-11-01T05:30:00Z', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00')
    expect(isoInZone('2026-11-01T06:30:00Z', 'America/New_York')).toBe('2026-11-01T01:30:00-05:00')
  })

  it('writes other offsets: half hours, positive, UTC', () => {
    expect(isoInZone('2026-07-01T12:00:00Z', 'Asia/Kolkata')).toBe('2026-07-01T17:30:00+05:30')
    expect(isoInZone('2026-07-01T12:00:00Z', 'Asia/Kathmandu')).toBe('2026-07-01T17:45:00+05:45')
    expect(isoInZone('2026-07-01T12:00:00Z', 'Europe/Berlin')).toBe('2026-07-01T14:00:00+02:00')
    expect(isoInZone('2026-07-01T12:00:00Z', 'UTC')).toBe('2026-07-01T12:00:00+00:00')
  })

  it('each written time names the same instant', () => {
    for (const at of ['2026-03-08T06:30:00Z', '2026-03-08T07:30:00Z', '2026-11-01T05:59:00Z', '2026-11-01T06:01:00Z'])
      expect(new Date(isoInZone(at, 'America/New_York')).toISOString()).toBe(new Date(at).toISOString())
  })
})

describe('priceString: integer minor units → schema.org price text', () => {
  it('uses the currency’s decimals', () => {
    expect(priceString(1250, 'USD')).toBe('12.50')
    expect(priceString(5, 'USD')).toBe('0.05')
    expect(priceString(0, 'EUR')).toBe('0.00')
    expect(priceString(100000, 'USD')).toBe('1000.00')
    expect(priceString(500, 'JPY')).toBe('500')
    expect(priceString(12345, 'KWD')).toBe('12.345')
    expect(priceString(-250, 'USD')).toBe('-2.50')
  })
  it('refuses fractions (amounts are minor units)', () => {
    expect(() => priceString(12.5, 'USD')).toThrow(RangeError)
  })
})

describe('serializeJsonLd: safe inside a script element', () => {
  it('cannot close the script or open markup, and parses back to the same data', () => {
    const data = { name: 'Evil </script><script>alert(1)</script> & <!-- x -->', line: 'a\u2028b' }
    const text = serializeJsonLd(data)
    expect(text).not.toMatch(/<|>/)
    expect(text.toLowerCase()).not.toContain('</script')
    expect(text).not.toContain('&')
    expect(text).not.toContain('\u2028')
    expect(JSON.parse(text)).toEqual(data)
  })

  it('escapes a title inside a built Event', () => {
    const text = serializeJsonLd(eventJsonLd({ ...baseEvent, name: 'Yoga </script><img src=x onerror=alert(1)>' }))
    expect(text).not.toContain('</script')
    expect(text).toContain('\\u003c/script\\u003e')
  })
})

describe('siteOrigin: canonical base', () => {
  it('prefers the tenant’s own domain, else SERVER_URL/<slug>', () => {
    expect(siteOrigin({ slug: 'sunrise', domains: [{ hostname: 'Sunrise.Example.com' }] }, 'https://atrium.app')).toBe(
      'https://sunrise.example.com',
    )
    expect(siteOrigin({ slug: 'sunrise', domains: [] }, 'https://atrium.app/')).toBe('https://atrium.app/sunrise')
    expect(siteOrigin({ slug: 'sunrise' }, 'http://localhost:3000')).toBe('http://localhost:3000/sunrise')
  })
})

describe('LocalBusiness subtypes for locations', () => {
  it('picks the subtype from what the tenant is', () => {
    expect(businessTypeFor({ name: 'Sunrise Yoga & Fitness' })).toBe('ExerciseGym')
    expect(businessTypeFor({ name: 'Iron Dojo Karate' })).toBe('SportsActivityLocation')
    expect(businessTypeFor({ name: 'Calm Wellness Spa' })).toBe('HealthClub')
    expect(businessTypeFor({ name: 'Fairway Golf & Wellness Club', hasFacilityResources: true })).toEqual([
      'SportsActivityLocation',
      'HealthClub',
    ])
    expect(businessTypeFor({ name: 'The Club', hasFacilityResources: true })).toBe('SportsActivityLocation')
    expect(businessTypeFor({ name: 'Sunrise Yoga', explicit: 'HealthClub' })).toBe('HealthClub')
  })

  it('has name and a PostalAddress, geo and opening hours when known, url and telephone', () => {
    for (const type of ['ExerciseGym', 'HealthClub', 'SportsActivityLocation'] as const) {
      const node = expectValid(
        localBusinessJsonLd({
          type,
          name: 'Sunrise Yoga — Downtown Studio',
          address,
          url: 'https://sunrise.example.com',
          geo: { latitude: 40.69, longitude: -73.99 },
          openingHours: [{ dayOfWeek: ['Monday', 'Tuesday'], opens: '06:00', closes: '21:00' }],
          telephone: ' +1 555 0100 ',
        }),
      )
      expect(node['@type']).toBe(type)
      expect(node.address).toEqual({
        '@type': 'PostalAddress',
        streetAddress: '12 Main St',
        addressLocality: 'Brooklyn',
        addressRegion: 'NY',
        postalCode: '11201',
        addressCountry: 'US',
      })
      expect(node.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 40.69, longitude: -73.99 })
      expect(node.openingHoursSpecification).toEqual([
        { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Monday', 'Tuesday'], opens: '06:00', closes: '21:00' },
      ])
      expect(node.telephone).toBe('+1 555 0100')
      expect(node.url).toBe('https://sunrise.example.com')
    }
  })

  it('leaves out what is unknown, and gives no markup without an address', () => {
    const node = localBusinessJsonLd({ type: 'ExerciseGym', name: 'Loft', address: { city: 'Hoboken' } })!
    expect(node).not.toHaveProperty('geo')
    expect(node).not.toHaveProperty('openingHoursSpecification')
    expect(node).not.toHaveProperty('telephone')
    expect(localBusinessJsonLd({ type: 'ExerciseGym', name: 'Loft', address: { country: 'US' } })).toBeNull()
    expect(localBusinessJsonLd({ type: 'ExerciseGym', name: 'Loft', address: null })).toBeNull()
    expect(
      localBusinessJsonLd({ type: 'ExerciseGym', name: 'Loft', address, geo: { latitude: 200, longitude: 0 } }),
    ).not.toHaveProperty('geo')
  })
})

describe('Event for classes and events', () => {
  it('has the required and recommended properties, start and end with the local offset', () => {
    const node = expectValid(eventJsonLd(baseEvent), true)
    expect(node.startDate).toBe('2026-03-08T11:00:00-04:00')
    expect(node.endDate).toBe('2026-03-08T12:00:00-04:00')
    expect(node.eventStatus).toBe('https://schema.org/EventScheduled')
    expect(node.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode')
    expect(node.location).toEqual({
      '@type': 'Place',
      name: 'Downtown Studio',
      address: expect.objectContaining({ '@type': 'PostalAddress', addressLocality: 'Brooklyn' }),
    })
    expect(node.offers).toEqual({
      '@type': 'Offer',
      price: '12.50',
      priceCurrency: 'USD',
      availability: 'https://schema.org/InStock',
      url: baseEvent.url,
    })
    expect(node.organizer).toEqual({
      '@type': 'Organization',
      name: 'Sunrise Yoga',
      url: 'https://sunrise.example.com',
    })
  })

  it('a class the day before the change has -05:00, the day after -04:00', () => {
    const before = eventJsonLd({ ...baseEvent, startTime: '2026-03-07T15:00:00Z', endTime: '2026-03-07T16:00:00Z' })!
    const after = eventJsonLd({ ...baseEvent, startTime: '2026-03-09T15:00:00Z', endTime: '2026-03-09T16:00:00Z' })!
    expect(before.startDate).toBe('2026-03-07T10:00:00-05:00')
    expect(after.startDate).toBe('2026-03-09T11:00:00-04:00')
  })

  it('cancelled, sold out, free', () => {
    expect(eventJsonLd({ ...baseEvent, cancelled: true })!.eventStatus).toBe('https://schema.org/EventCancelled')
    expect(eventJsonLd({ ...baseEvent, placesLeft: 0 })!.offers!.availability).toBe('https://schema.org/SoldOut')
    expect(eventJsonLd({ ...baseEvent, placesLeft: null })!.offers!.availability).toBe('https://schema.org/InStock')
    expect(eventJsonLd({ ...baseEvent, price: { amount: 0, currency: 'EUR' } })!.offers).toMatchObject({
      price: '0.00',
      priceCurrency: 'EUR',
    })
    expect(eventJsonLd({ ...baseEvent, price: null })).not.toHaveProperty('offers')
  })

  it('online → VirtualLocation (the page, never the private join link); hybrid → both', () => {
    const online = expectValid(eventJsonLd({ ...baseEvent, deliveryMode: 'virtual', place: null }))
    expect(online.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode')
    expect(online.location).toEqual({ '@type': 'VirtualLocation', url: baseEvent.url })
    const hybrid = expectValid(eventJsonLd({ ...baseEvent, deliveryMode: 'hybrid' }))
    expect(hybrid.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode')
    expect(hybrid.location).toEqual([
      expect.objectContaining({ '@type': 'Place' }),
      { '@type': 'VirtualLocation', url: baseEvent.url },
    ])
  })

  it('a free-text place is a Place with a text address; no place at all gives no markup', () => {
    const node = expectValid(eventJsonLd({ ...baseEvent, place: { text: 'Prospect Park, north meadow' } }))
    expect(node.location).toEqual({
      '@type': 'Place',
      name: 'Prospect Park, north meadow',
      address: 'Prospect Park, north meadow',
    })
    expect(eventJsonLd({ ...baseEvent, place: null })).toBeNull()
  })
})

describe('Course for lms courses', () => {
  it('has name, description, provider, an online CourseInstance and a paid offer', () => {
    const node = expectValid(
      courseJsonLd({
        name: 'Yoga foundations',
        description: 'Six weeks to a steady practice.',
        url: 'https://sunrise.example.com/courses/foundations',
        provider: { name: 'Sunrise Yoga', url: 'https://sunrise.example.com' },
        price: { amount: 4900, currency: 'USD' },
        currency: 'USD',
        workloadMinutes: 390,
      }),
    )
    expect(node.provider).toEqual({ '@type': 'Organization', name: 'Sunrise Yoga', url: 'https://sunrise.example.com' })
    expect(node.hasCourseInstance).toEqual([
      { '@type': 'CourseInstance', courseMode: 'online', courseWorkload: 'PT6H30M' },
    ])
    expect(node.offers).toEqual([
      {
        '@type': 'Offer',
        category: 'Paid',
        price: '49.00',
        priceCurrency: 'USD',
        url: 'https://sunrise.example.com/courses/foundations',
      },
    ])
  })

  it('a free cohort course: Free offer in the tenant currency, cohort dates with offsets; a description even when none is stored', () => {
    const node = courseJsonLd({
      name: 'Spring cohort',
      url: 'https://x.test/courses/spring',
      provider: { name: 'Studio' },
      price: null,
      currency: 'EUR',
      deliveryMode: 'cohort',
      cohort: { start: '2026-03-02T08:00:00Z', end: '2026-04-27T08:00:00Z', timezone: 'Europe/Berlin' },
    })
    expectValid(node)
    expect(node.offers![0]).toMatchObject({ category: 'Free', price: '0', priceCurrency: 'EUR' })
    expect(node.hasCourseInstance[0]).toMatchObject({
      courseMode: 'online',
      startDate: '2026-03-02T09:00:00+01:00',
      endDate: '2026-04-27T10:00:00+02:00',
    })
    expect(node.description).toContain('Spring cohort')
  })
})

describe('FAQPage', () => {
  it('has mainEntity Questions with an acceptedAnswer each, skipping empty pairs', () => {
    const node = expectValid(
      faqPageJsonLd([
        { question: 'Do I need a mat?', answer: 'We lend mats for free.' },
        { question: '  ', answer: 'orphan' },
        { question: 'Is there parking?', answer: 'Yes, <b>free</b> after 6 pm.' },
      ]),
    )
    expect(node.mainEntity).toEqual([
      {
        '@type': 'Question',
        name: 'Do I need a mat?',
        acceptedAnswer: { '@type': 'Answer', text: 'We lend mats for free.' },
      },
      {
        '@type': 'Question',
        name: 'Is there parking?',
        acceptedAnswer: { '@type': 'Answer', text: 'Yes, <b>free</b> after 6 pm.' },
      },
    ])
    expect(faqPageJsonLd([])).toBeNull()
  })
})

describe('BlogPosting', () => {
  it('has headline and the recommended dates, author, image and url', () => {
    const node = expectValid(
      blogPostingJsonLd({
        headline: 'A beginner’s guide to hot yoga',
        datePublished: '2026-03-01T10:00:00Z',
        dateModified: new Date('2026-03-02T10:00:00Z'),
        author: [{ name: 'Ines Instructor', url: 'https://x.test/authors/ines' }],
        image: ['https://x.test/media/hot.jpg'],
        url: 'https://x.test/blog/hot-yoga',
      }),
      true,
    )
    expect(node.datePublished).toBe('2026-03-01T10:00:00.000Z')
    expect(node.dateModified).toBe('2026-03-02T10:00:00.000Z')
    expect(node.author).toEqual([{ '@type': 'Person', name: 'Ines Instructor', url: 'https://x.test/authors/ines' }])
  })

  it('cuts a headline to Google’s 110 characters and falls back to datePublished for dateModified', () => {
    const node = blogPostingJsonLd({
      headline: 'x'.repeat(200),
      datePublished: '2026-03-01T10:00:00Z',
      url: 'https://x.test/b',
    })
    expect(node.headline.length).toBeLessThanOrEqual(110)
    expect(node.dateModified).toBe(node.datePublished)
  })
})
