import type { SmsAdapter } from './channels/sms/SmsAdapter'

/** Options of `marketingPlugin()`. */
export type MarketingOptions = {
  /** The admin group of the plugin's collections. Default `Marketing`. */
  adminGroup?: string
  // ---- Webhooks (outbound webhooks, Zapier, Slack) ----
  /** Outbound webhooks: retries, backoff, disabling and the delivery cron. */
  webhooks?: WebhookOptions

  // ---- Automations and messaging ----
  /** Quiet hours (local time of the member, else the tenant) when tenant-settings set none. Default 21:00–08:00. */
  quietHours?: { start: string; end: string }
  /** Most marketing messages a member gets in a rolling 7 days (tenant-settings may lower it). Default 5. */
  frequencyCap?: number
  // ---- Open and click tracking ----
  /** Marketing e-mail gets an open pixel and signed click redirects (default true). */
  emailTracking?: boolean
  // ---- /Open and click tracking ----
  /** Cron of the job that enrols members into time-based automations (no visit, birthday). Default hourly. */
  timeTriggersCron?: string
  /** The SMS provider; default: the Twilio-compatible adapter when SMS_ACCOUNT_SID is set, else the log-only adapter. */
  smsAdapter?: SmsAdapter
  // ---- /Automations and messaging ----
  // ---- Mailchimp and suppression ----
  /** The Mailchimp audience sync (per tenant: an `integration-connections` row with provider `mailchimp`). */
  mailchimp?: MailchimpOptions
  // ---- /Mailchimp and suppression ----
  // ---- HubSpot ----
  /** The HubSpot sync (outbox, jobs, webhooks); `false` leaves it out. */
  hubspot?: HubspotSyncOptions | false
  // ---- /HubSpot ----
} & CrmOptions

// ---- Webhooks (outbound webhooks, Zapier, Slack) ----

/** Outbound webhook delivery settings. */
export type WebhookOptions = {
  /** Attempts of one delivery before it is dead. Default 8. */
  maxAttempts?: number
  /** Consecutive failed attempts after which an endpoint is disabled. Default 20. */
  disableAfterFailures?: number
  /** Delay before retry n (minutes; the last repeats), with ±20 % jitter. Default 1, 5, 30, 120, 360, 720, 1440. */
  backoffMinutes?: number[]
  /** Timeout of one POST (ms). Default 10 000. */
  timeoutMs?: number
  /** Cron of the sweep that sends due deliveries and posts Slack messages. Default every minute. */
  cron?: string
  /** How long the previous secret keeps signing after a rotation (hours). Default 24. */
  rotationOverlapHours?: number
}

// ---- CRM and announcements ----
export type CrmOptions = {
  /** When the job sending scheduled announcements runs (Payload cron with seconds). Default every minute. */
  announcementsCron?: string
}
// ---- end CRM ----

// ---- Mailchimp and suppression ----
export type MailchimpOptions = {
  /** Cron of the nightly full resync of every connected audience (Payload cron with seconds). Default 04:15 every night. */
  resyncCron?: string
  /** Each call to Mailchimp is aborted after this long (ms). Default 10 000. */
  timeoutMs?: number
  /** Attempts per call on 429, 5xx and network errors. Default 4. */
  attempts?: number
}
// ---- /Mailchimp and suppression ----
// ---- HubSpot ----
/** The HubSpot sync's settings. */
export type HubspotSyncOptions = {
  /** Objects per batch call (HubSpot takes at most 100). Default 100. */
  batchSize?: number
  /** Failed attempts after which a row is dead (the dead-letter list). Default 8. */
  maxAttempts?: number
  /** Delay before retry n (seconds; the last repeats). Default 30 s, 2, 10, 30 min, 1, 2, 6 h. */
  backoffSeconds?: number[]
  /** HubSpot's burst window (ms): the token bucket keeps to 80 % of the connection's `burstLimit` per window. Default 10 000. */
  burstWindowMs?: number
  /** Longest one sync run sends (ms); what is left waits for the next run. Default 50 000. */
  maxRunMs?: number
  /** How long a run holds the rows it claimed (ms). Default 120 000. */
  leaseMs?: number
  /** Cron of the sync sweep. Default every minute. */
  cron?: string
  /** Cron of the nightly reconcile. Default 03:30 every day. */
  reconcileCron?: string
  /** Accepted age of an inbound webhook's X-HubSpot-Request-Timestamp (ms). Default 5 minutes. */
  webhookToleranceMs?: number
}
// ---- /HubSpot ----
