import type { PayloadRequest, TaskConfig } from 'payload'
import { noteIntegrationSync } from '@/core'
import { MailchimpError, mailchimpClient } from '../mailchimpClient'
import { mailchimpConnection } from '../mailchimpConnection'
import type { SyncOptions } from '../syncToMailchimp'
import { MAILCHIMP_DELETE_PERMANENT_TASK } from './taskSlugs'

/**
 * mkt_rest: GDPR erasure. Deletes an erased person's contact from the tenant's audience for good
 * (`POST /lists/{list}/members/{hash}/actions/delete-permanent`), queued by the anonymise operation
 * in its transaction. The input carries the subscriber hash (MD5 of the lower-cased address), never
 * the address. Idempotent: a contact Mailchimp does not have (404) is done. Another 4xx is noted on
 * the connection and not retried; network errors, 429 and 5xx fail the job for its retries.
 */
export const mailchimpDeletePermanentTask = (options: SyncOptions): TaskConfig => ({
  slug: MAILCHIMP_DELETE_PERMANENT_TASK,
  label: 'Delete an erased contact from Mailchimp',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 10_000 } },
  inputSchema: [
    { name: 'tenant', type: 'text', required: true },
    { name: 'hash', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const { tenant, hash } = input as { tenant: string; hash: string }
    const own = { ...req, transactionID: undefined } as PayloadRequest
    const connection = await mailchimpConnection(own, tenant)
    if (!connection) return { output: { outcome: 'not_connected' } }
    if (!/^[0-9a-f]{32}$/.test(hash)) return { output: { outcome: 'invalid_hash' } }
    try {
      await mailchimpClient({ apiKey: connection.apiKey, baseUrl: connection.baseUrl, ...options }).deletePermanent(
        connection.listId,
        hash,
      )
    } catch (error) {
      if (error instanceof MailchimpError && error.status === 404) return { output: { outcome: 'not_found' } }
      await noteIntegrationSync(own, connection.id, error instanceof Error ? error.message : String(error))
      if (error instanceof MailchimpError && !error.retryable && error.status !== null && error.status < 500)
        return { output: { outcome: 'rejected' } }
      throw error
    }
    await noteIntegrationSync(own, connection.id, null)
    return { output: { outcome: 'deleted' } }
  },
})
