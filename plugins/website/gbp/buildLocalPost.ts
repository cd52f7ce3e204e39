import { toWallTime } from '@/core'

/** Google's `Date` and `TimeOfDay` (the wall clock of the location). */
type GDate = { year: number; month: number; day: number }
type GTime = { hours: number; minutes: number; seconds: number; nanos: number }
type Schedule = { startDate: GDate; startTime: GTime; endDate: GDate; endTime: GTime }

/** The fields of a Business Profile `LocalPost` (v4) Atrium sends. */
export type LocalPost = {
  languageCode: string
  summary: string
  topicType: 'EVENT' | 'OFFER'
  event: { title: string; schedule: Schedule }
  offer?: { couponCode?: string; redeemOnlineUrl?: string; termsConditions?: string }
  callToAction?: { actionType: 'LEARN_MORE' | 'BOOK' | 'SIGN_UP'; url: string }
}

/** The fields a PATCH may name in its updateMask. */
const MUTABLE = ['summary', 'event', 'offer', 'callToAction'] as const

/** Google's limits: an event title of 58 characters, a summary of 1,500. */
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`)

/** The start and end instants as wall-clock dates and times in `zone`. */
export const scheduleIn = (start: Date, end: Date, zone: string): Schedule => {
  const date = (w: ReturnType<typeof toWallTime>): GDate => ({ year: w.year, month: w.month, day: w.day })
  const time = (w: ReturnType<typeof toWallTime>): GTime => ({ hours: w.hour, minutes: w.minute, seconds: 0, nanos: 0 })
  const s = toWallTime(start, zone)
  const e = toWallTime(end, zone)
  return { startDate: date(s), startTime: time(s), endDate: date(e), endTime: time(e) }
}

export type EventPostInput = {
  title: string
  description: string | null
  startTime: string
  endTime: string
  /** The location's IANA zone (else the tenant's). */
  zone: string
  /** The event's page on the tenant's site (the post's "Learn more"; it also identifies the post). */
  url: string
  languageCode: string
}

/** An EVENT post: the title, the schedule in the location's zone, the description and a link to the event's page. */
export const buildEventPost = (input: EventPostInput): LocalPost => ({
  languageCode: input.languageCode,
  summary: clip((input.description?.trim() || input.title).trim(), 1500),
  topicType: 'EVENT',
  event: {
    title: clip(input.title.trim(), 58),
    schedule: scheduleIn(new Date(input.startTime), new Date(input.endTime), input.zone),
  },
  callToAction: { actionType: 'LEARN_MORE', url: input.url },
})

export type OfferPostInput = {
  title: string
  description: string | null
  startsAt: string
  endsAt: string
  zone: string
  /** Where the offer is redeemed (it also identifies the post). */
  url: string
  couponCode?: string | null
  terms?: string | null
  languageCode: string
}

/** An OFFER post: title and validity (Google keeps them in `event`), coupon code, terms and where to redeem it. */
export const buildOfferPost = (input: OfferPostInput): LocalPost => ({
  languageCode: input.languageCode,
  summary: clip((input.description?.trim() || input.title).trim(), 1500),
  topicType: 'OFFER',
  event: {
    title: clip(input.title.trim(), 58),
    schedule: scheduleIn(new Date(input.startsAt), new Date(input.endsAt), input.zone),
  },
  offer: {
    redeemOnlineUrl: input.url,
    ...(input.couponCode ? { couponCode: input.couponCode } : {}),
    ...(input.terms ? { termsConditions: clip(input.terms, 5000) } : {}),
  },
})

/** The link that identifies a post of ours among a location's posts (after a create whose answer was lost). */
export const postUrlOf = (post: Pick<LocalPost, 'callToAction' | 'offer'>): string | null =>
  post.callToAction?.url ?? post.offer?.redeemOnlineUrl ?? null

/** JSON with object keys sorted (jsonb does not keep the order they were written in). */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
          .join(',')}}`
      : JSON.stringify(value ?? null)

/** The top-level fields that differ between the post as last sent and as it is now (a PATCH's updateMask). */
export const changedFields = (before: LocalPost | null, after: LocalPost): string[] =>
  MUTABLE.filter((field) => canonical(before?.[field] ?? null) !== canonical(after[field] ?? null))
