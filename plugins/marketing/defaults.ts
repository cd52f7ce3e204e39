import type { HubspotSyncOptions, MailchimpOptions, MarketingOptions, WebhookOptions } from './types'

// ---- Webhooks (outbound webhooks, Zapier, Slack) ----
export const defaultWebhookOptions: Required<WebhookOptions> = {
  maxAttempts: 8,
  disableAfterFailures: 20,
  backoffMinutes: [1, 5, 30, 120, 360, 720, 1440],
  timeoutMs: 10_000,
  cron: '* * * * *',
  rotationOverlapHours: 24,
}

// ---- Mailchimp and suppression ----
export const defaultMailchimpOptions: Required<MailchimpOptions> = {
  resyncCron: '0 15 4 * * *',
  timeoutMs: 10_000,
  attempts: 4,
}
// ---- /Mailchimp and suppression ----
// ---- HubSpot ----
export const defaultHubspotOptions: Required<HubspotSyncOptions> = {
  batchSize: 100,
  maxAttempts: 8,
  backoffSeconds: [30, 120, 600, 1800, 3600, 7200, 21600],
  burstWindowMs: 10_000,
  maxRunMs: 50_000,
  leaseMs: 120_000,
  cron: '* * * * *',
  reconcileCron: '30 3 * * *',
  webhookToleranceMs: 5 * 60_000,
}
// ---- /HubSpot ----

export const defaultOptions: Required<Omit<MarketingOptions, 'smsAdapter'>> & Pick<MarketingOptions, 'smsAdapter'> = {
  adminGroup: 'Marketing',
  webhooks: defaultWebhookOptions,

  // ---- Automations and messaging ----
  quietHours: { start: '21:00', end: '08:00' },
  frequencyCap: 5,
  timeTriggersCron: '0 * * * *',
  smsAdapter: undefined,
  emailTracking: true, // Open and click tracking
  // ---- /Automations and messaging ----
  // ---- HubSpot ----
  hubspot: defaultHubspotOptions,
  // ---- /HubSpot ----
  // ---- CRM and announcements ----
  announcementsCron: '0 * * * * *',
  // ---- end CRM ----
  // ---- Mailchimp and suppression ----
  mailchimp: defaultMailchimpOptions,
  // ---- /Mailchimp and suppression ----
}
