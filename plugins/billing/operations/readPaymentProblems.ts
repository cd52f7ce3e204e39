import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable, usersTable, type Money } from '@/core'
import { membershipPlansTable } from './sql/membershipPlansTable'
import { paymentsTable } from './sql/paymentsTable'
import { subscriptionsTable } from './sql/subscriptionsTable'

export type FailedPayment = { id: string; who: string; amount: Money; reason: string | null; at: string }
export type PastDueSubscription = { id: string; who: string; plan: string | null; since: string }

const DAY = 86_400_000

/**
 * What the desk should chase: payments that failed in the last `days` days and subscriptions that
 * are past due, each as a count and the five most recent. Both on tenant-led indexes.
 */
export const readPaymentProblems = async (
  req: Pick<PayloadRequest, 'payload' | 'transactionID'>,
  input: { tenant: string; days?: number; now?: Date },
): Promise<{
  failed: { count: number; items: FailedPayment[] }
  pastDue: { count: number; items: PastDueSubscription[] }
}> => {
  const since = new Date((input.now ?? new Date()).getTime() - (input.days ?? 30) * DAY).toISOString()
  const p = paymentsTable(req)
  const m = tenantMembershipsTable(req)
  const u = usersTable(req)
  const failed = await runSql<{
    id: string
    who: string
    amount: number
    currency: string
    reason: string | null
    at: string
    total: number
  }>(
    req,
    sql`SELECT p.${p.id} AS id, coalesce(m.${m.displayName}, u.${u.email}, p.${p.payerEmail}, 'Someone') AS who,
        p.${p.amount} AS amount, p.${p.currency} AS currency, p.${p.failureReason} AS reason, p.${p.createdAt} AS at,
        count(*) OVER ()::int AS total
      FROM ${p.$table} p LEFT JOIN ${m.$table} m ON m.${m.id} = p.${p.member} LEFT JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
      WHERE p.${p.tenant} = ${input.tenant} AND p.${p.createdAt} >= ${since} AND p.${p.status} = 'failed'
      ORDER BY p.${p.createdAt} DESC LIMIT 5`,
  )
  const s = subscriptionsTable(req)
  const plans = membershipPlansTable(req)
  const pastDue = await runSql<{ id: string; who: string; plan: string | null; since: string; total: number }>(
    req,
    sql`SELECT s.${s.id} AS id, coalesce(m.${m.displayName}, u.${u.email}, 'Member') AS who, pl.${plans.name} AS plan,
        s.${s.updatedAt} AS since, count(*) OVER ()::int AS total
      FROM ${s.$table} s
      LEFT JOIN ${m.$table} m ON m.${m.id} = s.${s.member}
      LEFT JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
      LEFT JOIN ${plans.$table} pl ON pl.${plans.id} = s.${s.plan}
      WHERE s.${s.tenant} = ${input.tenant} AND s.${s.status} = 'past_due'
      ORDER BY s.${s.updatedAt} DESC LIMIT 5`,
  )
  const iso = (value: unknown) => new Date(value as string).toISOString()
  return {
    failed: {
      count: failed[0]?.total ?? 0,
      items: failed.map((row) => ({
        id: row.id,
        who: row.who,
        amount: { amount: Number(row.amount), currency: row.currency },
        reason: row.reason,
        at: iso(row.at),
      })),
    },
    pastDue: {
      count: pastDue[0]?.total ?? 0,
      items: pastDue.map((row) => ({ id: row.id, who: row.who, plan: row.plan, since: iso(row.since) })),
    },
  }
}
