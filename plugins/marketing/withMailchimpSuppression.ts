import type { Config } from 'payload'
import { subscribe, withSqlTables } from '@/core'
import { Suppressions } from './collections/Suppressions'
import { emailEventsEndpoint, smsWebhookEndpoints } from './endpoints/suppression/suppressionEndpoints'
import { mailchimpResyncTask } from './integrations/mailchimp/jobs/mailchimpResyncTask'
import { mailchimpSyncMemberTask } from './integrations/mailchimp/jobs/mailchimpSyncMemberTask'
import { mailchimpDeletePermanentTask } from './integrations/mailchimp/jobs/mailchimpDeletePermanentTask' // mkt_rest
import { mailchimpSubscribers } from './integrations/mailchimp/mailchimpSubscribers'
import { suppressionSqlTables } from './operations/suppression/sql/suppressionSqlTables'
import type { MailchimpOptions } from './types'
import type { SmsAdapter } from './channels/sms/SmsAdapter'

/**
 * Mailchimp audience and tag sync (the member and resync jobs, the consent and member
 * subscribers), suppressions (collection, mail delivery events on message-logs) and the SMS
 * webhooks (STOP/START keywords, status callbacks). Runs after the automations slice (it adds an
 * endpoint to its `message-logs`).
 */
export const withMailchimpSuppression = (
  config: Config,
  o: { adminGroup: string; mailchimp: Required<MailchimpOptions>; smsAdapter?: SmsAdapter },
): Config => {
  const sync = { timeoutMs: o.mailchimp.timeoutMs, attempts: o.mailchimp.attempts }
  const next: Config = {
    ...config,
    collections: [
      ...(config.collections ?? []).map((collection) =>
        collection.slug === 'message-logs'
          ? { ...collection, endpoints: [...(collection.endpoints || []), emailEventsEndpoint] }
          : collection,
      ),
      Suppressions(o.adminGroup),
    ],
    endpoints: [
      ...(config.endpoints ?? []),
      ...smsWebhookEndpoints(() => o.smsAdapter?.webhookAuthToken ?? (process.env.SMS_AUTH_TOKEN || undefined)),
    ],
    jobs: {
      ...config.jobs,
      tasks: [
        ...(config.jobs?.tasks ?? []),
        mailchimpSyncMemberTask(sync),
        mailchimpResyncTask({ ...sync, cron: o.mailchimp.resyncCron }),
        mailchimpDeletePermanentTask(sync), // mkt_rest: GDPR erasure
      ],
    },
  }
  return withSqlTables(subscribe(next, ...mailchimpSubscribers), suppressionSqlTables)
}
