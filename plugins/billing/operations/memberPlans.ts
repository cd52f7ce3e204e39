import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql } from '@/core'
import type { MemberPlans, MemberPlansInput } from '../contract'
import { membershipPlansTable } from './sql/membershipPlansTable'
import { subscriptionsTable } from './sql/subscriptionsTable'

/** Subscription statuses in which the member holds the plan (a trial, a paid term, a payment being chased). */
const CURRENT = ['trialing', 'active', 'past_due'] as const

/**
 * The `marketing.memberPlans` port (marketing's Mailchimp plan tags): the tenant's plan names and,
 * for each of the given members, the names of the plans of their current subscriptions (trialing,
 * active or past due; paused, canceled and ended ones are not current), and which of them are past
 * due (`pastDue`: the "Past due" tag). Two statements.
 */
export const memberPlans = async (req: PayloadRequest, input: MemberPlansInput): Promise<MemberPlans> => {
  const p = membershipPlansTable(req)
  const s = subscriptionsTable(req)
  const plans = await runSql<{ name: string }>(
    req,
    sql`SELECT DISTINCT p.${p.name} AS name FROM ${p.$table} p WHERE p.${p.tenant} = ${input.tenant} ORDER BY 1 LIMIT 500`,
  )
  if (input.members.length === 0) return { plans: plans.map((r) => r.name), members: [] }
  const rows = await runSql<{ member: string; name: string; past_due: boolean }>(
    req,
    sql`SELECT s.${s.member} AS member, p.${p.name} AS name, bool_or(s.${s.status}::text = 'past_due') AS past_due
        FROM ${s.$table} s JOIN ${p.$table} p ON p.${p.id} = s.${s.plan}
        WHERE s.${s.tenant} = ${input.tenant}
          AND s.${s.member} IN (${sql.join(
            input.members.map((m) => sql`${m}`),
            sql`, `,
          )})
          AND s.${s.status}::text IN (${sql.join(
            CURRENT.map((status) => sql`${status}`),
            sql`, `,
          )})
        GROUP BY 1, 2
        ORDER BY 1, 2`,
  )
  const byMember = new Map<string, string[]>()
  const pastDueOf = new Map<string, string[]>() // mkt_rest: Mailchimp "Past due" tag
  for (const row of rows) {
    const member = String(row.member)
    byMember.set(member, [...(byMember.get(member) ?? []), row.name])
    if (row.past_due) pastDueOf.set(member, [...(pastDueOf.get(member) ?? []), row.name])
  }
  return {
    plans: plans.map((r) => r.name),
    members: input.members.map((member) => ({
      member,
      plans: byMember.get(member) ?? [],
      pastDue: pastDueOf.get(member) ?? [],
    })),
  }
}
