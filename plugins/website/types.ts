/** Options of `websitePlugin()`. */
export type WebsiteOptions = {
  /** The admin group of the plugin's collections. Default `Website`. */
  adminGroup?: string
  /** When the draft-writing job looks for due subscriptions (Payload cron with seconds). Default hourly at :05. */
  draftsCron?: string
  /** Posts a tenant may publish per week (its zone's Monday to Monday) when its settings name none. Default 3. */
  weeklyPublishCap?: number
  /**
   * Publishing is refused when the post's estimated Jaccard similarity (word shingles, MinHash)
   * to another tenant's published post reaches this. Default 0.5.
   */
  duplicateThreshold?: number
  /** Words per shingle of the near-duplicate check. Default 4. */
  shingleWords?: number
  /** Form submissions one IP address may make per window. Default 5 per 10 minutes. */
  formRateLimit?: { max: number; windowSeconds: number }
}

export const FREQUENCIES = ['weekly', 'biweekly', 'monthly'] as const
export type Frequency = (typeof FREQUENCIES)[number]

export const REVIEW_STATUSES = ['awaiting_approval', 'approved', 'rejected'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export const FORM_TYPES = ['contact', 'trial_class', 'tour', 'other'] as const
