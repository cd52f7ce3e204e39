import type { TaskConfig } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable, tenantsTable, usersTable } from '@/core'
import { subscriptionsTable } from '../../operations/sql/subscriptionsTable'
import { SEND_DUNNING_NOTICE_TASK } from './taskSlugs'

const TEXT: Record<string, { subject: string; body: string }> = {
  retrying: {
    subject: 'Your payment did not go through',
    body: 'We could not take your membership payment. We will try again in a few days; you can update your card from your account page.',
  },
  final_notice: {
    subject: 'Final notice: please update your payment details',
    body: 'Your membership payment failed again. After the next attempt your membership will be suspended: please update your card from your account page.',
  },
  suspended: {
    subject: 'Your membership is suspended',
    body: 'We could not take your membership payment, so your membership is suspended. Pay the open invoice or speak to the front desk to restore it.',
  },
}

/** The same stages for a manual subscription: its open invoice is paid at the front desk. */
const DESK_TEXT: Record<string, { subject: string; body: string }> = {
  retrying: {
    subject: 'Your membership invoice is overdue',
    body: 'Your membership invoice is past its due date. Please pay it at the front desk on your next visit.',
  },
  final_notice: {
    subject: 'Final notice: your membership invoice is unpaid',
    body: 'Your membership invoice is still unpaid. Please pay it at the front desk within a few days, or your membership will be suspended.',
  },
  suspended: {
    subject: 'Your membership is suspended',
    body: 'Your membership invoice is unpaid, so your membership is suspended. Pay it at the front desk to restore it straight away.',
  },
}

/** Mails a member that their subscription entered a dunning stage (queued by the Stripe sync and the manual renewal job). */
export const sendDunningNoticeTask: TaskConfig<typeof SEND_DUNNING_NOTICE_TASK> = {
  slug: SEND_DUNNING_NOTICE_TASK,
  label: 'Mail a dunning notice',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 5000 } },
  inputSchema: [
    { name: 'tenant', type: 'text', required: true },
    { name: 'subscription', type: 'text', required: true },
    { name: 'stage', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'sent', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const { tenant, subscription, stage } = input
    const s = subscriptionsTable(req)
    const m = tenantMembershipsTable(req)
    const u = usersTable(req)
    const t = tenantsTable(req)
    const [row] = await runSql<{ email: string | null; tenant_name: string; provider: string }>(
      { payload: req.payload, transactionID: undefined },
      sql`SELECT u.${u.email} AS email, t.${t.name} AS tenant_name, s.${s.provider} AS provider FROM ${s.$table} s
          JOIN ${m.$table} m ON m.${m.id} = s.${s.member} JOIN ${u.$table} u ON u.${u.id} = m.${m.user} JOIN ${t.$table} t ON t.${t.id} = s.${s.tenant}
          WHERE s.${s.id} = ${subscription} AND s.${s.tenant} = ${tenant}`,
    )
    const text = (row?.provider === 'manual' ? DESK_TEXT : TEXT)[stage]
    if (!text || !row?.email) return { output: { sent: false } }
    await req.payload.sendEmail({ to: row.email, subject: `${row.tenant_name}: ${text.subject}`, text: text.body })
    return { output: { sent: true } }
  },
}
