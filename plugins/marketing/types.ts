import type { SmsAdapter } from './channels/sms/SmsAdapter'

/** Options of `marketingPlugin()`. */
export type MarketingOptions = {
  /** The admin group of the plugin's collections. Default `Marketing`. */
  adminGroup?: string

  // ---- Automations and messaging ----
  /** Quiet hours (local time of the member, else the tenant) when tenant-settings set none. Default 21:00–08:00. */
  quietHours?: { start: string; end: string }
  /** Most marketing messages a member gets in a rolling 7 days (tenant-settings may lower it). Default 5. */
  frequencyCap?: number
  /** Cron of the job that enrols members into time-based automations (no visit, birthday). Default hourly. */
  timeTriggersCron?: string
  /** The SMS provider; default: the Twilio-compatible adapter when SMS_ACCOUNT_SID is set, else the log-only adapter. */
  smsAdapter?: SmsAdapter
  // ---- /Automations and messaging ----
}
