import type { AdminViewServerProps } from 'payload'
import { AdminNotice, AdminPage } from '@/core/admin/AdminPage'
import { adminTenant, formatMoney, OperationError, TENANT_COOKIE } from '@/core'
import { EARNINGS_ROLES, readEarnings } from '../operations/readEarnings'

/** Payload's `.table th` grey gives 2.81:1 on white (found by the a11y walk): headers in the text colour. */
const HEAD_COLOR = 'var(--theme-text)'

const param = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/** `YYYY-MM` of `date` shifted by `delta` months (UTC calendar; the bounds themselves are read in the tenant's zone). */
const monthOf = (date: Date, delta = 0) => {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + delta, 1))
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

/**
 * `/admin/earnings`: the creator's earnings by month (gross, platform fee, refunds, fee given back,
 * net) of the tenant chosen in the tenant selector, the last 12 months unless `?from=&to=` say
 * otherwise; the same figures as `GET /api/lms/earnings`. Owners and admins only.
 */
export const EarningsView = async (view: AdminViewServerProps) => {
  const { req } = view.initPageResult
  const { tenant, allowed } = adminTenant(req.user, view.initPageResult.cookies.get(TENANT_COOKIE), EARNINGS_ROLES)
  if (!tenant || !allowed) {
    return (
      <AdminPage view={view} title="Earnings">
        <AdminNotice>
          {tenant
            ? 'Only the owners and admins of this business can see its earnings.'
            : 'Choose a business in the tenant selector to see its earnings.'}
        </AdminNotice>
      </AdminPage>
    )
  }
  const query = view.searchParams ?? {}
  const now = new Date()
  const from = param(query.from) ?? monthOf(now, -11)
  const to = param(query.to) ?? monthOf(now)
  let reply: Awaited<ReturnType<typeof readEarnings>>
  try {
    reply = await readEarnings(req, { from, to, tenant })
  } catch (error) {
    const message = error instanceof OperationError ? error.message : 'Use months written YYYY-MM, at most 36 of them.'
    return (
      <AdminPage view={view} title="Earnings">
        <AdminNotice>{message}</AdminNotice>
      </AdminPage>
    )
  }
  const money = (amount: number) => formatMoney({ amount, currency: reply.currency })
  const rows = [
    ...reply.months.map((m) => ({ label: m.month, ...m })),
    { label: 'Total', month: 'total', ...reply.totals },
  ]
  return (
    <AdminPage view={view} title="Earnings">
      <p>
        Creator sales by month ({reply.timeZone}), {reply.from} to {reply.to}.{' '}
        <a href={`/api/lms/earnings?from=${reply.from}&to=${reply.to}&tenant=${reply.tenant}`}>JSON</a>
      </p>
      <table data-testid="earnings-table" className="table" style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left', color: HEAD_COLOR }}>Month</th>
            <th style={{ textAlign: 'right', color: HEAD_COLOR }}>Sales</th>
            <th style={{ textAlign: 'right', color: HEAD_COLOR }}>Gross</th>
            <th style={{ textAlign: 'right', color: HEAD_COLOR }}>Platform fee</th>
            <th style={{ textAlign: 'right', color: HEAD_COLOR }}>Refunds</th>
            <th style={{ textAlign: 'right', color: HEAD_COLOR }}>Fee given back</th>
            <th style={{ textAlign: 'right', color: HEAD_COLOR }}>Net</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.month} style={row.month === 'total' ? { fontWeight: 600 } : undefined}>
              <td>{row.label}</td>
              <td style={{ textAlign: 'right' }}>{row.payments}</td>
              <td style={{ textAlign: 'right' }}>{money(row.gross)}</td>
              <td style={{ textAlign: 'right' }}>{money(row.platformFee)}</td>
              <td style={{ textAlign: 'right' }}>{money(row.refunds)}</td>
              <td style={{ textAlign: 'right' }}>{money(row.platformFeeReversed)}</td>
              <td style={{ textAlign: 'right' }}>{money(row.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </AdminPage>
  )
}
