import { isoInZone } from './isoInZone'
import { priceString } from './priceString'
import { SCHEMA_CONTEXT, type CourseInstance, type CourseJsonLd, type WithContext } from './schemaOrg'

/** A course of plugins/lms in plain data. */
export type CourseInput = {
  name: string
  description?: string | null
  /** Canonical URL of the course page. */
  url: string
  provider: { name: string; url?: string }
  /** Integer minor units; null or 0 for a free course. */
  price?: { amount: number; currency: string } | null
  /** The tenant's currency, for a free course's `0` offer. */
  currency: string
  /** `self_paced`, `cohort`, `live` or `drip`; cohorts carry their dates. */
  deliveryMode?: string | null
  cohort?: { start?: string | null; end?: string | null; timezone: string } | null
  /** Total lesson time in minutes, when known (Google's `courseWorkload`). */
  workloadMinutes?: number | null
  instructors?: string[]
  images?: string[]
}

/** `PT6H30M` from minutes. */
const isoDuration = (minutes: number) => {
  const h = Math.floor(minutes / 60)
  const m = Math.round(minutes % 60)
  return `PT${h ? `${h}H` : ''}${m || !h ? `${m}M` : ''}`
}

/**
 * A course as schema.org Course (Google requires name, description and provider; its course
 * info rich result also wants offers with a category and a CourseInstance with the course mode).
 * Atrium's courses are taken on the site: courseMode `online`.
 */
export const courseJsonLd = (input: CourseInput): WithContext<CourseJsonLd> => {
  const instance: CourseInstance = { '@type': 'CourseInstance', courseMode: 'online' }
  if (input.workloadMinutes && input.workloadMinutes > 0) instance.courseWorkload = isoDuration(input.workloadMinutes)
  if (input.cohort?.start) instance.startDate = isoInZone(input.cohort.start, input.cohort.timezone)
  if (input.cohort?.end) instance.endDate = isoInZone(input.cohort.end, input.cohort.timezone)
  const instructors = (input.instructors ?? []).map((name) => name.trim()).filter(Boolean)
  if (instructors.length) instance.instructor = instructors.map((name) => ({ '@type': 'Person', name }))
  const paid = input.price && input.price.amount > 0 ? input.price : null
  const node: WithContext<CourseJsonLd> = {
    '@context': SCHEMA_CONTEXT,
    '@type': 'Course',
    name: input.name,
    // Google requires a description; a course without one is described by its name and provider.
    description: input.description?.trim() || `${input.name}, an online course by ${input.provider.name}.`,
    provider: {
      '@type': 'Organization',
      name: input.provider.name,
      ...(input.provider.url ? { url: input.provider.url } : {}),
    },
    url: input.url,
    hasCourseInstance: [instance],
    offers: [
      {
        '@type': 'Offer',
        category: paid ? 'Paid' : 'Free',
        price: paid ? priceString(paid.amount, paid.currency) : '0',
        priceCurrency: (paid?.currency ?? input.currency).toUpperCase(),
        url: input.url,
      },
    ],
  }
  if (input.images?.length) node.image = input.images
  return node
}
