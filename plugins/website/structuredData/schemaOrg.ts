/**
 * The schema.org shapes the site emits as JSON-LD (only the properties Atrium fills). Google's rich
 * results read them; `*.test.ts` checks each builder against the properties Google requires.
 */

export const SCHEMA_CONTEXT = 'https://schema.org' as const

export type WithContext<T> = T & { '@context': typeof SCHEMA_CONTEXT }

export type PostalAddress = {
  '@type': 'PostalAddress'
  streetAddress?: string
  addressLocality?: string
  addressRegion?: string
  postalCode?: string
  addressCountry?: string
}

export type GeoCoordinates = { '@type': 'GeoCoordinates'; latitude: number; longitude: number }

export type DayOfWeek = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday'

export type OpeningHoursSpecification = {
  '@type': 'OpeningHoursSpecification'
  dayOfWeek: DayOfWeek | DayOfWeek[]
  /** Local time `HH:MM` (or `HH:MM:SS`). */
  opens: string
  closes: string
}

/** The LocalBusiness subtypes a location can be (schema.org: all three are LocalBusiness / SportsActivityLocation). */
export type LocalBusinessType = 'ExerciseGym' | 'HealthClub' | 'SportsActivityLocation'

export type Organization = { '@type': 'Organization'; name: string; url?: string; logo?: string }
export type Person = { '@type': 'Person'; name: string; url?: string }

export type LocalBusiness = {
  '@type': LocalBusinessType | LocalBusinessType[]
  '@id'?: string
  name: string
  address: PostalAddress
  geo?: GeoCoordinates
  openingHoursSpecification?: OpeningHoursSpecification[]
  url?: string
  telephone?: string
  email?: string
  image?: string[]
  parentOrganization?: Organization
}

export type Place = { '@type': 'Place'; name?: string; address: PostalAddress | string }
export type VirtualLocation = { '@type': 'VirtualLocation'; url: string }

export type ItemAvailability = 'https://schema.org/InStock' | 'https://schema.org/SoldOut'

export type Offer = {
  '@type': 'Offer'
  /** Major units with a dot, e.g. `"12.50"` (from integer minor units). */
  price: string
  priceCurrency: string
  availability?: ItemAvailability
  url?: string
  validFrom?: string
  /** Google's Course offers: `Free`, `Paid`, `Subscription`, `Partially Free`. */
  category?: 'Free' | 'Paid' | 'Subscription' | 'Partially Free'
}

export type EventStatusType = 'https://schema.org/EventScheduled' | 'https://schema.org/EventCancelled'

export type EventAttendanceModeEnumeration =
  | 'https://schema.org/OfflineEventAttendanceMode'
  | 'https://schema.org/OnlineEventAttendanceMode'
  | 'https://schema.org/MixedEventAttendanceMode'

export type EventJsonLd = {
  '@type': 'Event'
  name: string
  description?: string
  /** ISO 8601 with the location's UTC offset, e.g. `2026-03-08T10:00:00-04:00`. */
  startDate: string
  endDate?: string
  eventStatus: EventStatusType
  eventAttendanceMode: EventAttendanceModeEnumeration
  location: Place | VirtualLocation | [Place, VirtualLocation]
  offers?: Offer
  organizer?: Organization
  performer?: Person
  url?: string
  image?: string[]
}

export type CourseInstance = {
  '@type': 'CourseInstance'
  courseMode: 'online' | 'onsite' | 'blended'
  /** ISO 8601 duration, e.g. `PT6H`. */
  courseWorkload?: string
  startDate?: string
  endDate?: string
  instructor?: Person[]
}

export type CourseJsonLd = {
  '@type': 'Course'
  name: string
  description: string
  provider: Organization
  url?: string
  image?: string[]
  hasCourseInstance: CourseInstance[]
  offers?: Offer[]
}

export type Answer = { '@type': 'Answer'; text: string }
export type Question = { '@type': 'Question'; name: string; acceptedAnswer: Answer }
export type FaqPageJsonLd = { '@type': 'FAQPage'; mainEntity: Question[] }

export type BlogPostingJsonLd = {
  '@type': 'BlogPosting'
  headline: string
  datePublished?: string
  dateModified?: string
  author?: (Person | Organization)[]
  image?: string[]
  url?: string
  mainEntityOfPage?: string
  description?: string
  publisher?: Organization
}

/** Anything a builder returns. */
export type JsonLd = WithContext<LocalBusiness | EventJsonLd | CourseJsonLd | FaqPageJsonLd | BlogPostingJsonLd>
