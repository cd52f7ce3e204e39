/** Options of `marketingPlugin()`. */
export type MarketingOptions = {
  /** The admin group of the plugin's collections. Default `Marketing`. */
  adminGroup?: string
  // ---- Webhooks (outbound webhooks, Zapier, Slack) ----
  /** Outbound webhooks: retries, backoff, disabling and the delivery cron. */
  webhooks?: WebhookOptions
}

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
