import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { hasCollection, idOf, runSql } from '@/core'
import { contentSubscriptionsTable } from './sql/contentSubscriptionsTable'

export type CoverInput = {
  tenant: string
  member: string
  target: { collection: 'courses' | 'content-items'; id: string }
  /** Content items: their category and visibility (plans open members-only items by catalog or category). */
  category?: string | null
  visibility?: string | null
}

/**
 * Does one of the member's subscriptions that gives access now (trialing/active/past due, and
 * before `accessUntil` when cancelled at period end) include the target by its plan's content
 * rules (⊕ `membership-plans.lms`)? Members-only items through `fullCatalog` or their category;
 * any course or item the plan lists. Returns the plan that covers it, or null.
 */
export const subscriptionCovers = async (req: PayloadRequest, input: CoverInput): Promise<string | null> => {
  if (!hasCollection(req.payload, 'membership-plans')) return null
  const t = contentSubscriptionsTable(req)
  const rows = await runSql<{ plan: string }>(
    req,
    sql`SELECT DISTINCT ${t.plan} AS plan FROM ${t.$table}
        WHERE ${t.tenant} = ${input.tenant} AND ${t.member} = ${input.member} AND ${t.entitled} = true
          AND (${t.accessUntil} IS NULL OR ${t.accessUntil} > now())`,
  )
  for (const { plan: id } of rows) {
    const plan = await req.payload.findByID({
      collection: 'membership-plans',
      id,
      depth: 0,
      req,
      disableErrors: true,
      trash: true,
    })
    const rules = plan?.lms
    if (!rules) continue
    const listed = (list: unknown[] | null | undefined) => (list ?? []).some((x) => idOf(x) === input.target.id)
    if (input.target.collection === 'courses') {
      if (listed(rules.courses)) return id
      continue
    }
    if (listed(rules.contentItems)) return id
    if (input.visibility !== 'members_only') continue
    if (rules.fullCatalog) return id
    if (input.category && (rules.categories ?? []).includes(input.category)) return id
  }
  return null
}
