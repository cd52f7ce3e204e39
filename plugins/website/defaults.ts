import type { WebsiteOptions } from './types'

export const defaultOptions: Required<WebsiteOptions> = {
  adminGroup: 'Website',
  draftsCron: '0 5 * * * *',
  weeklyPublishCap: 3,
  duplicateThreshold: 0.5,
  shingleWords: 4,
  formRateLimit: { max: 5, windowSeconds: 600 },
}

/** The number of MinHash slots of a post's fingerprint (estimate error ≈ 1/√128 ≈ 0.09 at worst, far less near 0 and 1). */
export const MINHASH_SLOTS = 128

/** The prompt (and template) version recorded on each generated post. */
export const PROMPT_VERSION = 'website-draft-v1'

/** Writer HTTP calls are aborted after this long unless WRITER_TIMEOUT_MS says otherwise. */
export const DEFAULT_WRITER_TIMEOUT_MS = 30_000
