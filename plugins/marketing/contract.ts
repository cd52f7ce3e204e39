/**
 * The marketing plugin's public face: the events it emits and the shapes of its endpoints. Zod and
 * types only, no server code: the site and other plugins may import this file and nothing else of it.
 */
import { z } from 'zod'

// ---- Events ----

// ---- Webhooks: events ----
export const webhookEventSchemas = {
  /** A delivery used up its attempts (status dead). */
  'webhook.delivery_failed': z.object({
    endpoint: z.string(),
    delivery: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    attempts: z.number(),
    statusCode: z.number().nullable(),
    error: z.string(),
  }),
  /** An endpoint was switched off after too many consecutive failures. */
  'webhook.endpoint_disabled': z.object({ endpoint: z.string(), url: z.string(), consecutiveFailures: z.number() }),
}

// -- automations and messaging --
const automationEvents = {
  /** A member (or a lead: New lead trigger) was enrolled into an automation (once per automation, recipient and trigger occurrence). */
  'automation.fired': z.object({
    automation: z.string(),
    automationLog: z.string(),
    member: z.string().nullable(),
    lead: z.string().nullable().optional(), // Lead recipients
    triggerEvent: z.string(),
    occurrenceKey: z.string(),
  }),
  /** A message went out on a channel (email, sms, in_app). */
  'message.sent': z.object({
    messageLog: z.string(),
    member: z.string().nullable(),
    lead: z.string().nullable().optional(), // Lead recipients
    channel: z.enum(['email', 'sms', 'push', 'in_app']),
    type: z.enum(['marketing', 'transactional']),
    automationLog: z.string().nullable(),
  }),
  // ---- More triggers: engagement events ----
  /** A tracked e-mail was opened for the first time (the pixel, or a click when images were blocked): once per message. */
  'message.opened': z.object({
    messageLog: z.string(),
    member: z.string().nullable(),
    automationLog: z.string().nullable(),
    step: z.number().nullable(),
  }),
  /** A tracked link of an e-mail was followed for the first time: once per message (`url` is that first link). */
  'message.clicked': z.object({
    messageLog: z.string(),
    member: z.string().nullable(),
    automationLog: z.string().nullable(),
    step: z.number().nullable(),
    url: z.string(),
  }),
  // ---- /More triggers: engagement events ----
}
// -- /automations and messaging --

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
  /**
   * mkt_rest: a lead's personal data was erased (GDPR; `member` when it was erased with the member it
   * converted into). Plugins holding data of the lead's address erase theirs.
   */
  'lead.anonymised': z.object({ lead: crmId, member: crmId.nullable() }),
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

export const marketingEventSchemas = {
  ...automationEvents,
  ...crmEventSchemas,
  ...webhookEventSchemas,
}

type MarketingEvents = { [K in keyof typeof marketingEventSchemas]: z.infer<(typeof marketingEventSchemas)[K]> }
export type AutomationFired = MarketingEvents['automation.fired']
export type MessageSent = MarketingEvents['message.sent']
export type LeadCreated = MarketingEvents['lead.created']
export type LeadConverted = MarketingEvents['lead.converted']
export type AnnouncementPublished = MarketingEvents['announcement.published']

declare module '@/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AtriumEvents extends MarketingEvents {}
}

// ---- Endpoints ----

// ---- Webhooks: endpoints ----
/** `POST /api/webhook-endpoints/:id/rotate-secret`: a new secret (given or generated); the old one signs too until `previousValidUntil`. */
export const rotateSecretInput = z.object({
  secret: z.string().min(1).optional(),
  overlapHours: z
    .number()
    .min(0)
    .max(24 * 14)
    .optional(),
})
export type RotateSecretReply = { endpoint: string; secret: string; previousValidUntil: string }

/** `POST /api/webhook-deliveries/:id/replay`: queues the delivery again. */
export type ReplayDeliveryReply = { delivery: string; status: 'pending'; nextAttemptAt: string }

/** `POST /api/zapier/hooks`: a Zapier REST hook subscription. */
export const zapierSubscribeInput = z.object({ hookUrl: z.string().url(), event: z.string().min(1) })
export type ZapierSubscribeReply = { id: string; event: string; hookUrl: string }

// -- automations and messaging --
/** `GET /api/automations/:id/preview`: who would receive this automation today. */
export const automationPreviewSchema = z.object({
  count: z.number(),
  members: z.array(z.object({ id: z.string(), name: z.string().nullable(), email: z.string().nullable() })),
})
export type AutomationPreview = z.infer<typeof automationPreviewSchema>

/** `GET /api/notifications/mine`: the signed-in member's latest notifications and the unread count. */
export const myNotificationsSchema = z.object({
  unread: z.number(),
  docs: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      message: z.string().nullable(),
      actionUrl: z.string().nullable(),
      readAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
})
export type MyNotifications = z.infer<typeof myNotificationsSchema>
// -- /automations and messaging --

// ---- Web push ----
const base64url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url`)
    .refine((v) => Buffer.from(v, 'base64url').length === bytes, `${what} must be ${bytes} bytes`)

/** A browser's `PushSubscription.toJSON()`. */
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .string()
    .max(2048, 'endpoint is too long')
    .url('endpoint must be a URL')
    .refine((v) => v.startsWith('https://'), 'endpoint must be an https URL'),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    p256dh: base64url(65, 'keys.p256dh').refine(
      (v) => Buffer.from(v, 'base64url')[0] === 4,
      'keys.p256dh must be an uncompressed P-256 point',
    ),
    auth: base64url(16, 'keys.auth'),
  }),
})

/** `POST /api/push-subscriptions/subscribe`: the signed-in member of `tenant` (id or slug) subscribes this browser. */
export const pushSubscribeInput = z
  .object({
    tenant: z.string().trim().min(1, 'tenant (id or slug) is required').max(100),
    subscription: pushSubscriptionSchema,
    userAgent: z.string().max(500).optional(),
  })
  .strict()
export type PushSubscribeInput = z.infer<typeof pushSubscribeInput>
/** 201 when the browser is new to the tenant, 200 when its row was updated (moved to the caller, keys renewed, enabled again). */
export type PushSubscribeReply = { id: string; endpoint: string; created: boolean }

/** `POST /api/push-subscriptions/unsubscribe`: removes the caller's own subscription of this browser (idempotent). */
export const pushUnsubscribeInput = z
  .object({
    endpoint: z.string().min(1, 'endpoint is required').max(2048),
    tenant: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
export type PushUnsubscribeReply = { endpoint: string; removed: number }

/** `GET /api/push/vapid-public-key`: the key a browser subscribes with (`applicationServerKey`). */
export const vapidPublicKeySchema = z.object({ publicKey: z.string() })
export type VapidPublicKeyReply = z.infer<typeof vapidPublicKeySchema>

/** What a push message carries (the site's service worker shows it). */
export type PushMessagePayload = { title: string; body: string; url: string }
// ---- /Web push ----
// ---- Branching and A/B ----
/** One group of an automation's A/B report: a variant (`default` without variants) or the holdout. */
export const automationReportGroupSchema = z.object({
  variant: z.string(),
  holdout: z.boolean(),
  enrolled: z.number(),
  converted: z.number(),
  /** converted / enrolled (0–1); null with no enrolments. */
  conversionRate: z.number().nullable(),
  /** This group's rate minus the holdout's (rate points, 0–1); null for the holdout or without one. */
  upliftAbsolute: z.number().nullable(),
  /** (rate − holdout rate) / holdout rate; null for the holdout or when the holdout's rate is 0 or unknown. */
  upliftRelative: z.number().nullable(),
})
/** `GET /api/automations/:id/report`: conversions (the `goalType` within `goalDays` of enrolment) per group; members and leads alike. */
export const automationReportSchema = z.object({
  automation: z.string(),
  goalDays: z.number(),
  /** mkt_rest: what converts: `booking_or_order`, `booking`, `order` or (New lead) `conversion`. */
  goalType: z.enum(['booking_or_order', 'booking', 'order', 'conversion']),
  holdoutPercent: z.number(),
  groups: z.array(automationReportGroupSchema),
})
export type AutomationReport = z.infer<typeof automationReportSchema>
// ---- /Branching and A/B ----
// ---- HubSpot ----
/** `POST /api/hubspot-outbox/:id/retry`: the row goes to HubSpot again (the dead-letter list's Retry). */
export type RetryHubspotRowReply = { row: string; status: 'pending'; nextAttemptAt: string }
// ---- /HubSpot ----

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

// ---- mkt_rest: GDPR erasure ----
/**
 * `POST /api/privacy/members/:id/anonymise` and `POST /api/privacy/leads/:id/anonymise` (owner or
 * admin of the tenant; 403 other staff, 404 anyone else): `erased` counts what was rewritten,
 * `remote` whether a HubSpot archive / Mailchimp permanent delete was queued. A repeat answers
 * `already_anonymised` with both null.
 */
export type AnonymiseReply = {
  subject: 'member' | 'lead'
  id: string
  status: 'anonymised' | 'already_anonymised'
  erased: {
    leads: number
    memberNotes: number
    messageLogs: number
    enrolments: number
    notifications: number
    pushSubscriptions: number
    /** The person's account was anonymised too (no other live membership). */
    account: boolean
  } | null
  remote: { hubspot: boolean; mailchimp: boolean } | null
}
// ---- end mkt_rest ----

/** The lead board moves a lead with the ordinary `PATCH /api/leads/:id` and this body. */
export type LeadMoveInput = { status: LeadStatus }
// ---- end CRM ----
