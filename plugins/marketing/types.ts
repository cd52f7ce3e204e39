/** Options of `marketingPlugin()`. */
export type MarketingOptions = {
  /** The admin group of the plugin's collections. Default `Marketing`. */
  adminGroup?: string
} & CrmOptions

// ---- CRM and announcements ----
export type CrmOptions = {
  /** When the job sending scheduled announcements runs (Payload cron with seconds). Default every minute. */
  announcementsCron?: string
}
// ---- end CRM ----
