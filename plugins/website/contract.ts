/**
 * The website plugin's public face: the events it emits and the shapes of its endpoints. Zod and
 * types only, no server code: the site and other plugins may import this file and nothing else of it.
 */
import { z } from 'zod'
import { definePort } from '@/core/ports/ports'

// ---- Events ----

const id = z.string()

export const websiteEventSchemas = {
  /** A blog post was published (first publication or a re-publication after edits). */
  'blog-post.published': z.object({
    post: id,
    slug: z.string(),
    title: z.string(),
    publishedAt: z.string(),
    isGenerated: z.boolean(),
    firstPublication: z.boolean(),
  }),
  /** A visitor submitted one of the tenant's forms (contact, trial class, tour…); marketing turns it into a lead. */
  'form.submitted': z.object({
    submission: id,
    form: id,
    formType: z.string(),
    email: z.string().nullable(),
    data: z.record(z.string(), z.string()),
  }),
}

type WebsiteEvents = { [K in keyof typeof websiteEventSchemas]: z.infer<(typeof websiteEventSchemas)[K]> }
export type BlogPostPublished = WebsiteEvents['blog-post.published']
export type FormSubmitted = WebsiteEvents['form.submitted']

declare module '@/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends WebsiteEvents {}
}

// ---- Endpoints ----

/** Refusal codes of publishing a post (409). */
export const PUBLISH_REFUSALS = { weeklyCap: 'weekly_cap_reached', nearDuplicate: 'near_duplicate' } as const

/** The hidden field bots fill in; a submission carrying a value in it is refused. */
export const HONEYPOT_FIELD = 'website_url'

/** `POST /api/forms/:id/submit`: the visitor's answers by field name (and the empty honeypot). */
export const formSubmitInput = z.object({
  data: z.record(z.string().max(100), z.union([z.string().max(5000), z.number(), z.boolean()]).transform(String)),
})
export type FormSubmitInput = z.infer<typeof formSubmitInput>
export type FormSubmitReply = { submission: string; confirmation: { type: string; redirect: string | null } }

/** `GET /api/website/blog?tenant=<slug>[&page=N][&topic=<id>][&author=<id>]`: a page of published posts, newest first. */
export const blogListQuery = z.object({
  tenant: z.string().regex(/^[a-z0-9-]+$/, 'a tenant slug'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  topic: z.string().uuid().optional(),
  author: z.string().uuid().optional(),
})
export type BlogListQuery = z.input<typeof blogListQuery>

/** A name the blog shows (an author's display name, a topic) with how many published posts it has. */
export type BlogFacet = { id: string; name: string; posts: number }

export type BlogImage = { url: string; alt: string | null; width: number | null; height: number | null }

/** A published post as the blog lists it (no body). */
export type BlogListItem = {
  id: string
  slug: string
  title: string
  excerpt: string | null
  publishedAt: string | null
  updatedAt: string
  heroImage: BlogImage | null
  author: { id: string; name: string } | null
  topic: { id: string; name: string } | null
}

export type BlogListReply = {
  posts: BlogListItem[]
  page: number
  totalPages: number
  totalPosts: number
  /** Topics and authors of the tenant's published posts (the filters), by name. */
  topics: BlogFacet[]
  authors: BlogFacet[]
}

/** `POST /api/seo-subscriptions/:id/write-now`: the period's post exists, or a job to write it is queued. */
export type WriteNowReply = { status: 'exists' | 'queued'; period: string; post: string | null; job: string | null }

// ---- pages ----

/**
 * First path segments the tenant site serves itself (`/<slug>/schedule`…): a page cannot take them
 * (its URL is `/<slug>/<page slug>`).
 */
export const RESERVED_PAGE_SLUGS = [
  'account',
  'api',
  'admin',
  'appointments',
  'banners',
  'bays',
  'blog',
  'checkout',
  'classes',
  'courses',
  'events',
  'faq',
  'forgot',
  'gallery',
  'join',
  'locations',
  'login',
  'logout',
  'preview',
  'pricing',
  'reset',
  'robots.txt',
  'schedule',
  'series', // ---- series ----
  'session',
  'signup',
  'sitemap.xml',
  'sitemaps',
  'sw.js',
  'verify-email', // ---- email verification ----
] as const

/** Collections staff preview on the tenant site (Payload's live preview → the site's preview route). */
export const PREVIEW_COLLECTIONS = ['pages', 'blog-posts'] as const
export type PreviewCollection = (typeof PREVIEW_COLLECTIONS)[number]

/** Live preview sizes: a 390 px phone, a tablet and a desktop. */
export const PREVIEW_BREAKPOINTS = [
  { name: 'mobile', label: 'Mobile (390 px)', width: 390, height: 844 },
  { name: 'tablet', label: 'Tablet', width: 820, height: 1180 },
  { name: 'desktop', label: 'Desktop', width: 1440, height: 900 },
] as const

/** `GET /<tenant slug>/preview?collection=…&id=…`: the site's preview route (staff of the tenant only). */
export const previewPath = (tenantSlug: string, collection: PreviewCollection, id: string): string =>
  `/${tenantSlug}/preview?${new URLSearchParams({ collection, id })}`

/** Where a previewed document is shown on the site (relative to the site's base). */
export const previewTarget = (collection: PreviewCollection, slug: string): string =>
  collection === 'pages' ? `/${slug}` : `/blog/${slug}`

// ---- /pages ----

/** The JSON-LD builders (pure: plain data in, schema.org nodes out) the tenant site renders. */
export * from './structuredData'

// ---- gbp ----
/** `POST /api/gbp-posts/:id/retry` (the Retry button of a failed Google Business post): 202. */
export type RetryGbpPostReply = { post: string; state: 'pending'; job: string }
// ---- /gbp ----

// ---- pricing offers ----
/** `GET /api/website/offer?tenant=<slug>&id=<offer id>`: the offer a Google Business post links to (`/pricing?offer=<id>`). */
export const offerQuery = z.object({
  tenant: z.string().regex(/^[a-z0-9-]+$/, 'a tenant slug'),
  id: z.string().uuid({ message: 'id must be an offer id.' }),
})
export type OfferQuery = z.input<typeof offerQuery>

/**
 * The reply of `GET /api/website/offer`: the offer while it is advertised and running now (started,
 * not ended, uses left), else null (unknown, another tenant's, ended, used up, withdrawn: the
 * pricing page shows a polite notice). Public data only: what the Business Profile post shows.
 */
export type OfferReply = {
  offer: {
    id: string
    title: string
    description: string | null
    terms: string | null
    /** The code applied at purchase (null for an automatic discount, applied without one). */
    couponCode: string | null
    startsAt: string
    endsAt: string
  } | null
}
// ---- /pricing offers ----

// ---- Ports ----

/**
 * An offer a tenant advertises (a promotion with a title and a validity): what the Google Business
 * Profile sync posts as an OFFER post. Instants are ISO strings; `url` is a site path (`/pricing`).
 */
export type AdvertisedOffer = {
  title: string
  description: string | null
  terms: string | null
  couponCode: string | null
  startsAt: string
  endsAt: string
}

/**
 * The offer `id` of `tenant` as it should be advertised now, or null when it is not (any more):
 * unknown, not advertised, disabled. Implemented by the plugin that owns the offers (commerce's
 * coupons marked "advertise"); without one there are no offers (fallback: null).
 */
export const advertisedOfferPort = definePort<{ tenant: string; id: string }, AdvertisedOffer | null>(
  'website.advertisedOffer',
  () => null,
)
