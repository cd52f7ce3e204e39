import type { PayloadRequest } from 'payload'
import { callPort, OperationError } from '@/core'
import { grantCreditsPort } from '@plugins/billing/contract'
import type { PlanDoc } from '../types'
import { addDays } from './periodEnd'

/**
 * A period's credits and guest passes through the `credits.grant` port (commerce), once per
 * (subscription, period): a repeated call grants nothing more. Guest passes expire when the
 * period ends (the next period's grant resets them); credits after `creditExpiryDays`.
 */
export const grantPeriod = async (
  req: PayloadRequest,
  input: {
    tenant: string
    member: string
    subscription: string
    plan: PlanDoc
    periodStart: Date
    periodEnd: Date | null
    zone: string
  },
): Promise<{ credits: number; guestPasses: number }> => {
  const periodKey = input.periodStart.toISOString()
  const out = { credits: 0, guestPasses: 0 }
  const grants = [
    {
      credits: input.plan.creditGrantPerPeriod ?? 0,
      creditType: 'class' as const,
      source: 'subscription_grant' as const,
      expiresAt: input.plan.creditExpiryDays
        ? addDays(input.periodStart, input.plan.creditExpiryDays, input.zone)
        : null,
    },
    {
      credits: input.plan.guestPassesPerPeriod ?? 0,
      creditType: 'guest_pass' as const,
      source: 'guest_pass_reset' as const,
      expiresAt: input.periodEnd,
    },
  ]
  for (const grant of grants) {
    if (grant.credits <= 0) continue
    const result = await callPort(req, grantCreditsPort, {
      tenant: input.tenant,
      member: input.member,
      credits: grant.credits,
      creditType: grant.creditType,
      source: grant.source,
      expiresAt: grant.expiresAt?.toISOString() ?? null,
      subscription: input.subscription,
      periodKey,
    })
    if (!result.ok && result.code === 'credits_unavailable') continue // no commerce plugin: nothing to grant
    if (!result.ok) throw new OperationError(409, result.code, result.reason)
    if (result.granted) out[grant.creditType === 'class' ? 'credits' : 'guestPasses'] += grant.credits
  }
  return out
}
