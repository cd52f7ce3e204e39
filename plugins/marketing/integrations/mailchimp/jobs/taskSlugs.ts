/** Jobs of the Mailchimp sync (slugs shared by the tasks and the code that queues them). */
export const MAILCHIMP_SYNC_MEMBER_TASK = 'mailchimpSyncMember'
export const MAILCHIMP_RESYNC_TASK = 'mailchimpResync'
export const MAILCHIMP_DELETE_PERMANENT_TASK = 'mailchimpDeletePermanent' // mkt_rest: GDPR erasure
