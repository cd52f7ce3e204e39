import { sql } from '@payloadcms/db-postgres'
import type { TaskConfig } from 'payload'
import { runSql } from '../../db/sqlFor'
import { tenantsTable, usersTable } from '../../db/kernelTables'
import { getEnv } from '../../env'
import { escapeHtml } from '../../text/escapeHtml'
import { EMAIL_VERIFICATION_TTL_SECONDS, signEmailVerificationToken } from './emailVerificationToken'
import { SEND_EMAIL_VERIFICATION_TASK } from './queueEmailVerification'

/** The tenant site's page that confirms an address (`/<slug>/verify-email?token=…`). */
export const emailVerificationUrl = (tenantSlug: string, token: string): string =>
  `${getEnv().SERVER_URL.replace(/\/$/, '')}/${encodeURIComponent(tenantSlug)}/verify-email?${new URLSearchParams({ token })}`

/**
 * Mails a verification link (after the commit that queued it, through Payload's e-mail adapter:
 * SMTP when configured, else the file adapter's `<DATA_DIR>/mail`). Nothing is sent for an account
 * that is gone or already verified by then. Retried; a repeat only sends another valid link.
 */
export const sendEmailVerificationTask: TaskConfig = {
  slug: SEND_EMAIL_VERIFICATION_TASK,
  label: 'Mail an e-mail verification link',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  inputSchema: [
    { name: 'user', type: 'text', required: true },
    { name: 'tenant', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const { user, tenant } = input as { user: string; tenant: string }
    const system = { payload: req.payload, transactionID: undefined }
    const u = usersTable(req)
    const t = tenantsTable(req)
    const [person] = await runSql<{ email: string; name: string | null; verified: boolean }>(
      system,
      sql`SELECT ${u.email} AS email, ${u.name} AS name, (${u.emailVerifiedAt} IS NOT NULL) AS verified
          FROM ${u} WHERE ${u.id} = ${user} AND ${u.deletedAt} IS NULL`,
    )
    if (!person || person.verified) return { output: { sent: false } }
    const [site] = await runSql<{ slug: string; name: string }>(
      system,
      sql`SELECT ${t.slug} AS slug, ${t.name} AS name FROM ${t} WHERE ${t.id} = ${tenant}`,
    )
    if (!site) return { output: { sent: false } }
    const link = emailVerificationUrl(site.slug, signEmailVerificationToken({ user, email: person.email }))
    const hours = EMAIL_VERIFICATION_TTL_SECONDS / 3600
    const hello = person.name ? `Hello ${person.name},` : 'Hello,'
    await req.payload.sendEmail({
      to: person.email,
      subject: `Verify your e-mail address for ${site.name}`,
      text: `${hello}\n\nPlease confirm that this is your e-mail address for your ${site.name} account:\n${link}\n\nThe link works for ${hours} hours. If you did not create an account, ignore this message.`,
      html: `<p>${escapeHtml(hello)}</p><p>Please confirm that this is your e-mail address for your ${escapeHtml(site.name)} account.</p><p><a href="${escapeHtml(link)}">Verify my e-mail address</a></p><p>The link works for ${hours} hours. If you did not create an account, ignore this message.</p>`,
    })
    return { output: { sent: true } }
  },
}
