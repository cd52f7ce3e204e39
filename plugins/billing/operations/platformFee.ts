import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, runSql } from '@/core'
import { contentPlanPort } from '../contract'
import { platformConfigTable, tenantFeeTable } from './sql/platformFeeTables'
import { subscriptionsTable } from './sql/subscriptionsTable'

/** `platform-config` key of the platform's default fee on creator sales (a JSON number of basis points). */
export const PLATFORM_FEE_KEY = 'billing.platformFeeBps'

type Req = Pick<PayloadRequest, 'payload' | 'transactionID'>

/**
 * The platform's fee rate on `tenant`'s creator sales in basis points: the tenant's override
 * (`tenants.platformFeeBps`), else the enabled `platform-config` row `billing.platformFeeBps`, else 0.
 * One statement.
 */
export const platformFeeBps = async (req: Req, tenant: string): Promise<number> => {
  const t = tenantFeeTable(req)
  const c = platformConfigTable(req)
  const [row] = await runSql<{ bps: string | number | null }>(
    req,
    sql`SELECT coalesce(
          (SELECT ${t.platformFeeBps} FROM ${t.$table} WHERE ${t.id} = ${tenant}),
          (SELECT CASE WHEN jsonb_typeof(${c.value}::jsonb) = 'number' THEN (${c.value}::jsonb #>> '{}')::numeric END
             FROM ${c.$table} WHERE ${c.key} = ${PLATFORM_FEE_KEY} AND ${c.enabled} IS NOT FALSE),
          0) AS bps`,
  )
  const bps = Math.trunc(Number(row?.bps ?? 0))
  return Number.isFinite(bps) ? Math.min(10_000, Math.max(0, bps)) : 0
}

/**
 * The fee split of a payment of `amount` minor units of which `contentAmount` paid for creator
 * content: `platformFee = ⌊min(contentAmount, amount) × bps / 10 000 + ½⌋` (integer arithmetic,
 * half a minor unit rounds up), `creatorPayout = amount − platformFee`. Null when nothing of it is
 * creator content (not a creator sale: no split is recorded).
 */
export const splitFee = (
  amount: number,
  contentAmount: number | null | undefined,
  bps: number,
): { platformFee: number; creatorPayout: number; bps: number } | null => {
  if (!contentAmount || contentAmount <= 0) return null
  const base = Math.min(Math.trunc(contentAmount), amount)
  const platformFee = Math.floor((base * bps + 5_000) / 10_000)
  return { platformFee, creatorPayout: amount - platformFee, bps }
}

/**
 * The fee given back by a refund that brings a payment's refunded total from `before` to
 * `before + refund`: the fee is reversed in proportion to the amount refunded, rounded the same
 * way on the running total (`⌊fee × refunded / amount + ½⌋`), so the parts always add up to the whole
 * fee when the payment is refunded in full.
 */
export const feeReversed = (platformFee: number, amount: number, before: number, refund: number): number => {
  if (!platformFee || amount <= 0) return 0
  const upTo = (refunded: number) => Math.floor((2 * platformFee * refunded + amount) / (2 * amount))
  return upTo(before + refund) - upTo(before)
}

/**
 * The platform's rate on a plan's payments when the plan is a content tier (`billing.contentPlan`,
 * which lms answers), else null (not a creator sale).
 */
export const contentPlanFeeBps = async (req: PayloadRequest, tenant: string, plan: string): Promise<number | null> => {
  const { content } = await callPort(req, contentPlanPort, { tenant, plan })
  return content ? platformFeeBps(req, tenant) : null
}

/**
 * The fee split of a subscription's payment of `amount`: the whole amount is creator content
 * when the subscription's plan is a content tier; null otherwise.
 */
export const subscriptionFeeSplit = async (
  req: PayloadRequest,
  tenant: string,
  subscription: string,
  amount: number,
): Promise<ReturnType<typeof splitFee>> => {
  const s = subscriptionsTable(req)
  const [row] = await runSql<{ plan_id: string | null }>(
    req,
    sql`SELECT ${s.plan} AS plan_id FROM ${s.$table} WHERE ${s.id} = ${subscription} AND ${s.tenant} = ${tenant}`,
  )
  if (!row?.plan_id) return null
  const bps = await contentPlanFeeBps(req, tenant, String(row.plan_id))
  return bps === null ? null : splitFee(amount, amount, bps)
}
