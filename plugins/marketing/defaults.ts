import type { MarketingOptions } from './types'

export const defaultOptions: Required<MarketingOptions> = {
  adminGroup: 'Marketing',
  // ---- CRM and announcements ----
  announcementsCron: '0 * * * * *',
  // ---- end CRM ----
}
