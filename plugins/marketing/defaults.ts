import type { MarketingOptions, WebhookOptions } from './types'

// ---- Webhooks (outbound webhooks, Zapier, Slack) ----
export const defaultWebhookOptions: Required<WebhookOptions> = {
  maxAttempts: 8,
  disableAfterFailures: 20,
  backoffMinutes: [1, 5, 30, 120, 360, 720, 1440],
  timeoutMs: 10_000,
  cron: '* * * * *',
  rotationOverlapHours: 24,
}

export const defaultOptions: Required<MarketingOptions> = {
  adminGroup: 'Marketing',
  webhooks: defaultWebhookOptions,
}
