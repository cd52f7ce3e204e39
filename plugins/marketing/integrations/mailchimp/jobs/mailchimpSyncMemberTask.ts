import type { PayloadRequest, TaskConfig } from 'payload'
import { syncMemberToMailchimp, type SyncOptions } from '../syncToMailchimp'
import { MAILCHIMP_SYNC_MEMBER_TASK } from './taskSlugs'

/** Upserts one member into the tenant's audience (queued by the consent and member events); retried with backoff. */
export const mailchimpSyncMemberTask = (options: SyncOptions): TaskConfig => ({
  slug: MAILCHIMP_SYNC_MEMBER_TASK,
  label: 'Sync a member to Mailchimp',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'tenant', type: 'text', required: true },
    { name: 'member', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const { tenant, member } = input as { tenant: string; member: string }
    const own = { ...req, transactionID: undefined } as PayloadRequest
    return { output: { outcome: await syncMemberToMailchimp(own, { tenant, member }, options) } }
  },
})
