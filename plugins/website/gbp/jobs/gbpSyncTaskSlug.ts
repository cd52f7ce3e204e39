/** The slug of the Google Business Profile sync task. */
export const GBP_SYNC_TASK = 'syncGbpPost'
