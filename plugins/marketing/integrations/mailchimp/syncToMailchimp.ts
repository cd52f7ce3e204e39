import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, runSql, usersTable, noteIntegrationSync } from '@/core'
import { memberPlansPort } from '@plugins/billing/contract' // Mailchimp plan tags
import type { TenantMembership } from '@/payload-types'
import { consentsTable, memberFactsTable } from '../../operations/sql/automationsTable'
import { MailchimpError, mailchimpClient, type MailchimpClient } from './mailchimpClient'
import { mailchimpConnection, type MailchimpConnection } from './mailchimpConnection'

/** A member as the audience gets them. */
type AudienceMember = {
  id: string
  email: string
  name: string | null
  status: 'subscribed' | 'unsubscribed'
  tags: string[]
  /** Plan tags: the member's current plans (billing's `marketing.memberPlans` port). */
  plans: string[]
  /** mkt_rest: a current plan's payment is past due. */
  pastDue: boolean
}

const PAGE = 500

/**
 * Members of the tenant who ever answered the `email_marketing` consent (open or revoked), with an
 * e-mail: subscribed while their consent is open and they are not archived, else unsubscribed.
 * Members who never consented, and erased (anonymised) members, are not sent to Mailchimp at all. One statement per page, then
 * their tags in one read.
 */
const audienceMembers = async (
  req: PayloadRequest,
  tenant: string,
  filter: { member?: string; after?: string },
  /** Filled with the tenant's plan names (Mailchimp plan tags). */
  tenantPlans: { names: string[] } = { names: [] },
): Promise<AudienceMember[]> => {
  const m = memberFactsTable(req)
  const u = usersTable(req)
  const c = consentsTable(req)
  const rows = await runSql<{ id: string; email: string; name: string | null; open: boolean; archived: boolean }>(
    req,
    sql`SELECT m.${m.id} AS id, u.${u.email} AS email, COALESCE(NULLIF(m.${m.displayName}, ''), u.${u.name}) AS name,
               bool_or(c.${c.revokedAt} IS NULL) AS open, m.${m.status} = 'archived' AS archived
        FROM ${m.$table} m JOIN ${u.$table} u ON u.${u.id} = m.${m.user}
        JOIN ${c.$table} c ON c.${c.member} = m.${m.id} AND c.${c.type} = 'email_marketing'
        WHERE m.${m.tenant} = ${tenant} AND u.${u.email} IS NOT NULL
          AND m.${m.anonymisedAt} IS NULL
          AND (${filter.member ?? null}::uuid IS NULL OR m.${m.id} = ${filter.member ?? null}::uuid)
          AND (${filter.after ?? null}::uuid IS NULL OR m.${m.id} > ${filter.after ?? null}::uuid)
        GROUP BY m.${m.id}, u.${u.email}, m.${m.displayName}, u.${u.name}, m.${m.status}
        ORDER BY m.${m.id} LIMIT ${PAGE}`,
  )
  if (rows.length === 0) return []
  const { docs } = await req.payload.db.find<TenantMembership>({
    collection: 'tenant-memberships',
    where: { id: { in: rows.map((r) => r.id) } },
    limit: 0,
    pagination: false,
    req,
  })
  const tagsOf = new Map(docs.map((d) => [String(d.id), d.tags ?? []]))
  // ---- Mailchimp plan tags ----
  const held = await callPort(req, memberPlansPort, { tenant, members: rows.map((r) => String(r.id)) })
  const plansOf = new Map(held.members.map((m) => [m.member, m.plans]))
  const pastDueOf = new Set(held.members.filter((m) => (m.pastDue?.length ?? 0) > 0).map((m) => m.member)) // mkt_rest
  tenantPlans.names = held.plans
  // ---- /Mailchimp plan tags ----
  return rows.map((r) => ({
    id: String(r.id),
    email: r.email,
    name: r.name,
    status: r.open && !r.archived ? 'subscribed' : 'unsubscribed',
    tags: tagsOf.get(String(r.id)) ?? [],
    plans: plansOf.get(String(r.id)) ?? [],
    pastDue: pastDueOf.has(String(r.id)), // mkt_rest
  }))
}

/** The tags to send: through the connection's map (on or off), else the member's tags (on). */
export const mailchimpTagsOf = (tags: string[], tagMap: Record<string, string> | null) =>
  tagMap
    ? Object.entries(tagMap).map(([ours, theirs]) => ({
        name: theirs,
        status: tags.includes(ours) ? ('active' as const) : ('inactive' as const),
      }))
    : tags.map((name) => ({ name, status: 'active' as const }))

// ---- Mailchimp plan tags ----
/**
 * One tag per plan of the tenant, `<prefix><plan name>`: active for the member's current plans,
 * inactive for the others (a plan given up, changed or ended switches its tag off). Idempotent:
 * the same statuses sent again change nothing. None when the connection turns plan tags off.
 */
export const mailchimpPlanTagsOf = (held: string[], tenantPlans: string[], prefix: string | null, pastDue = false) =>
  prefix === null || (tenantPlans.length === 0 && held.length === 0)
    ? []
    : [
        ...[...new Set([...tenantPlans, ...held])].map((plan) => ({
          name: `${prefix}${plan}`.slice(0, 100),
          status: held.includes(plan) ? ('active' as const) : ('inactive' as const),
        })),
        // mkt_rest: a past-due plan keeps its `Plan: <name>` tag (the member still holds it while the
        // payment is chased) and the member gets `Past due` besides, switched off once paid or ended
        // (a tenant without plans gets neither).
        { name: PAST_DUE_TAG, status: pastDue ? ('active' as const) : ('inactive' as const) },
      ]

/** The tag of a member whose current plan's payment is past due (mkt_rest). */
export const PAST_DUE_TAG = 'Past due'
// ---- /Mailchimp plan tags ----

const pushMember = async (
  client: MailchimpClient,
  connection: MailchimpConnection,
  member: AudienceMember,
  tenantPlans: string[],
) => {
  const [first, ...rest] = (member.name ?? '').trim().split(/\s+/)
  await client.upsertMember(connection.listId, {
    email: member.email,
    status: member.status,
    mergeFields: member.name ? { FNAME: first ?? '', LNAME: rest.join(' ') } : undefined,
  })
  const tags = [
    ...mailchimpTagsOf(member.tags, connection.tagMap),
    ...mailchimpPlanTagsOf(member.plans, tenantPlans, connection.planTagPrefix, member.pastDue), // Mailchimp plan tags
  ]
  if (tags.length > 0) await client.setTags(connection.listId, member.email, tags)
}

export type SyncOptions = { timeoutMs?: number; attempts?: number; backoffMs?: number }

/**
 * One member into the tenant's audience (the sync job): their current state, not the event's, so
 * a repeated or late job writes the same thing (the PUT is an idempotent upsert). Nothing when the
 * tenant has no connection or the member never answered the marketing consent. A 4xx refusal (other
 * than 429) is noted on the connection and not retried; anything else fails the job for its retry.
 */
export const syncMemberToMailchimp = async (
  req: PayloadRequest,
  input: { tenant: string; member: string },
  options: SyncOptions = {},
): Promise<'synced' | 'not_connected' | 'not_in_audience' | 'rejected'> => {
  const connection = await mailchimpConnection(req, input.tenant)
  if (!connection) return 'not_connected'
  const tenantPlans: { names: string[] } = { names: [] }
  const [member] = await audienceMembers(req, input.tenant, { member: input.member }, tenantPlans)
  if (!member) return 'not_in_audience'
  try {
    await pushMember(
      mailchimpClient({ apiKey: connection.apiKey, baseUrl: connection.baseUrl, ...options }),
      connection,
      member,
      tenantPlans.names,
    )
  } catch (error) {
    await noteIntegrationSync(req, connection.id, error instanceof Error ? error.message : String(error))
    // Mailchimp refused this member for good (e.g. "Member In Compliance State"): retrying cannot help.
    if (error instanceof MailchimpError && !error.retryable && error.status !== null && error.status < 500)
      return 'rejected'
    throw error
  }
  await noteIntegrationSync(req, connection.id, null)
  return 'synced'
}

/**
 * Every audience member of the tenant (the nightly resync, or queued for one tenant), page by page;
 * all calls go through the API key's limiter (≤ 10 in flight). A member whose calls fail after
 * their retries is counted and the others still go; the connection records the last error.
 */
export const resyncTenantToMailchimp = async (
  req: PayloadRequest,
  tenant: string,
  options: SyncOptions = {},
): Promise<{ synced: number; failed: number } | null> => {
  const connection = await mailchimpConnection(req, tenant)
  if (!connection) return null
  const client = mailchimpClient({ apiKey: connection.apiKey, baseUrl: connection.baseUrl, ...options })
  let synced = 0
  let failed = 0
  let lastError: string | null = null
  for (let after: string | undefined; ; ) {
    const tenantPlans: { names: string[] } = { names: [] }
    const page = await audienceMembers(req, tenant, { after }, tenantPlans)
    if (page.length === 0) break
    await Promise.all(
      page.map(async (member) => {
        try {
          await pushMember(client, connection, member, tenantPlans.names)
          synced++
        } catch (error) {
          failed++
          lastError = error instanceof Error ? error.message : String(error)
        }
      }),
    )
    after = page[page.length - 1].id
    if (page.length < PAGE) break
  }
  await noteIntegrationSync(req, connection.id, lastError)
  return { synced, failed }
}
