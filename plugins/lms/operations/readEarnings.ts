import type { PayloadRequest } from 'payload'
import { callPort, isPlatformAdmin, OperationError, OWNER_ROLES, tenantsWithRole } from '@/core'
import { creatorEarningsPort, earningsQuery, type EarningsMonth, type EarningsReply } from '@plugins/lms/contract'

/** Who may read a creator's earnings: the business's owners and admins (its finance people). */
export const EARNINGS_ROLES = OWNER_ROLES

const monthsBetween = (from: string, to: string): string[] => {
  const out: string[] = []
  let y = Number(from.slice(0, 4))
  let m = Number(from.slice(5, 7))
  while (`${y}-${String(m).padStart(2, '0')}` <= to) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    if (++m > 12) [y, m] = [y + 1, 1]
  }
  return out
}

const zero = (month: string): EarningsMonth => ({
  month,
  gross: 0,
  platformFee: 0,
  refunds: 0,
  platformFeeReversed: 0,
  net: 0,
  payments: 0,
})

/**
 * A creator's earnings by month of the tenant's time zone (`GET /api/lms/earnings`): gross,
 * platform fee, refunds, fee given back and net, computed in SQL by the payments ledger
 * (`lms.creatorEarnings`, billing). Owners and admins of the tenant only (401 signed out, 403
 * anyone else — members, other staff, other tenants' owners); the tenant is `tenant`, or the only
 * business where the caller holds one of those roles (400 `tenant_required` when several).
 */
export const readEarnings = async (req: PayloadRequest, raw: unknown): Promise<EarningsReply> => {
  const query = earningsQuery.parse(raw)
  const user = req.user
  if (!user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
  const allowed = tenantsWithRole(user, EARNINGS_ROLES)
  let tenant = query.tenant
  if (!tenant) {
    if (allowed.length !== 1)
      throw new OperationError(
        allowed.length === 0 ? 403 : 400,
        allowed.length === 0 ? 'forbidden' : 'tenant_required',
        allowed.length === 0
          ? 'Only the owners and admins of a business can read its earnings.'
          : 'You run several businesses: name one with ?tenant=<id>.',
      )
    tenant = allowed[0]
  }
  if (!allowed.includes(tenant) && !isPlatformAdmin(user))
    throw new OperationError(403, 'forbidden', 'Only the owners and admins of this business can read its earnings.')
  const result = await callPort(req, creatorEarningsPort, { tenant, from: query.from, to: query.to })
  const months = result?.months ?? monthsBetween(query.from, query.to).map(zero)
  const totals = months.reduce<EarningsReply['totals']>(
    (sum, m) => ({
      gross: sum.gross + m.gross,
      platformFee: sum.platformFee + m.platformFee,
      refunds: sum.refunds + m.refunds,
      platformFeeReversed: sum.platformFeeReversed + m.platformFeeReversed,
      net: sum.net + m.net,
      payments: sum.payments + m.payments,
    }),
    { gross: 0, platformFee: 0, refunds: 0, platformFeeReversed: 0, net: 0, payments: 0 },
  )
  return {
    tenant,
    timeZone: result?.timeZone ?? 'UTC',
    currency: result?.currency ?? 'USD',
    from: query.from,
    to: query.to,
    months,
    totals,
  }
}
