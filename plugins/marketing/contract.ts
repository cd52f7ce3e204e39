/**
 * The marketing plugin's public face: the events it emits and the shapes of its endpoints. Zod and
 * types only, no server code: the site and other plugins may import this file and nothing else of it.
 */
import { z } from 'zod'

// ---- Events ----

// ---- CRM and announcements (leads, deals, member notes, announcements, notice dismissals) ----
const crmId = z.string()

/** A lead's pipeline status (`leads.status`). */
export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'trial', 'converted', 'lost'] as const
export type LeadStatus = (typeof LEAD_STATUSES)[number]

export const crmEventSchemas = {
  /** A lead was captured for the first time (a form, a tour, staff); later captures of the same e-mail do not emit. */
  'lead.created': z.object({ lead: crmId, email: z.string(), source: z.string() }),
  /** A lead became a member (a person with the lead's e-mail joined): once per lead. */
  'lead.converted': z.object({ lead: crmId, email: z.string(), member: crmId }),
  /** An announcement was sent (its scheduled time came, or staff sent it now): once per announcement. */
  'announcement.published': z.object({
    announcement: crmId,
    title: z.string(),
    priority: z.string(),
    showAsBanner: z.boolean(),
    location: crmId.nullable(),
  }),
}
// ---- end CRM ----

export const marketingEventSchemas = { ...crmEventSchemas }

type MarketingEvents = { [K in keyof typeof marketingEventSchemas]: z.infer<(typeof marketingEventSchemas)[K]> }
export type LeadCreated = MarketingEvents['lead.created']
export type LeadConverted = MarketingEvents['lead.converted']
export type AnnouncementPublished = MarketingEvents['announcement.published']

declare module '@/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends MarketingEvents {}
}

// ---- Endpoints ----

// ---- CRM and announcements ----
/** One banner of `GET /api/announcements/banners?tenant=<id or slug>` (what the tenant site shows). */
export const siteBannerSchema = z.object({
  id: crmId,
  title: z.string(),
  body: z.string(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  noticeType: z.string().nullable(),
  endsAt: z.string().nullable(),
})
export type SiteBanner = z.infer<typeof siteBannerSchema>

/** The reply of `GET /api/announcements/banners`: the current banners the caller has not dismissed; `canDismiss` when a member is signed in. */
export const siteBannersReplySchema = z.object({ banners: z.array(siteBannerSchema), canDismiss: z.boolean() })
export type SiteBannersReply = z.infer<typeof siteBannersReplySchema>

/** The reply of `POST /api/announcements/:id/dismiss` (idempotent: `dismissed` is true again on a repeat). */
export type DismissReply = { announcement: string; dismissed: true }

/** The lead board moves a lead with the ordinary `PATCH /api/leads/:id` and this body. */
export type LeadMoveInput = { status: LeadStatus }
// ---- end CRM ----
