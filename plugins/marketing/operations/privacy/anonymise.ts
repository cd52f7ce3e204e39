import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import {
  OWNER_ROLES,
  OperationError,
  STAFF_ROLES,
  anonymiseMembership,
  audit,
  emit,
  hasCollection,
  hasRoleIn,
  idOf,
  inTransaction,
  isPlatformAdmin,
  runSql,
} from '@/core'
import type { TenantMembership } from '@/payload-types'
import type { AnonymiseReply } from '../../contract'
import { leadsTable } from '../crm/sql/leadsTable'
import { enqueueHubspot } from '../../integrations/hubspot/enqueueHubspot'
import { hubspotConnection } from '../../integrations/hubspot/hubspotConnection'
import { subscriberHash } from '../../integrations/mailchimp/mailchimpClient'
import { mailchimpConnection } from '../../integrations/mailchimp/mailchimpConnection'
import { MAILCHIMP_DELETE_PERMANENT_TASK } from '../../integrations/mailchimp/jobs/taskSlugs'
import {
  erasableEnrolmentsTable,
  erasableMessageLogsTable,
  erasableNotesTable,
  erasableNotificationsTable,
  erasablePushSubscriptionsTable,
} from './privacySqlTables'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What erased text is replaced with (kept non-empty where the column is required). */
export const ERASED = '[erased]'

/** The address an erased lead keeps (unique per lead, undeliverable: `.invalid`, RFC 2606). */
export const erasedLeadEmailOf = (lead: string) => `anonymised-${lead}@anonymised.invalid`

/**
 * Who may erase: the owner or an admin of the tenant (or a platform admin). Other staff of the
 * tenant get 403; anyone else 404 (another tenant's people are not disclosed).
 */
const authorise = (req: PayloadRequest, tenant: string, what: string) => {
  const user = req.user
  if (user && (isPlatformAdmin(user) || hasRoleIn(user, tenant, OWNER_ROLES))) return
  if (user && hasRoleIn(user, tenant, STAFF_ROLES))
    throw new OperationError(403, 'forbidden', 'Only an owner or an admin of the studio may erase personal data.')
  throw new OperationError(404, 'not_found', `No such ${what}.`)
}

/** The remote deletions: the HubSpot archive through the outbox and Mailchimp's permanent delete through the jobs queue. */
const queueRemoteErasure = async (
  req: PayloadRequest,
  tenant: string,
  contacts: { kind: 'member' | 'lead'; id: string; email: string | null; archive: boolean }[],
  emails: string[],
): Promise<{ hubspot: boolean; mailchimp: boolean }> => {
  let hubspot = false
  if (
    contacts.some((c) => c.archive) &&
    hasCollection(req.payload, 'hubspot-outbox') &&
    (await hubspotConnection(req, tenant))
  ) {
    for (const c of contacts.filter((x) => x.archive)) {
      const properties: Record<string, string> =
        c.kind === 'member' ? { atrium_member_id: c.id } : c.email ? { email: c.email.toLowerCase() } : {}
      if (Object.keys(properties).length === 0) continue
      await enqueueHubspot(req, { tenant, kind: c.kind, localId: c.id, state: { properties, archive: true } })
      hubspot = true
    }
  }
  let mailchimp = false
  const hashes = [...new Set(emails.filter(Boolean).map((e) => subscriberHash(e)))]
  if (hashes.length > 0 && (await mailchimpConnection(req, tenant))) {
    for (const hash of hashes)
      await req.payload.jobs.queue({ task: MAILCHIMP_DELETE_PERMANENT_TASK, input: { tenant, hash }, req })
    mailchimp = true
  }
  return { hubspot, mailchimp }
}

/** Erases the leads' personal fields (one adapter write each: the tags rows too) and stamps `anonymisedAt`. */
const eraseLeadRows = async (req: PayloadRequest, leads: string[], now: string) => {
  for (const id of leads)
    await req.payload.db.updateOne({
      collection: 'leads',
      id,
      data: {
        email: erasedLeadEmailOf(id),
        name: null,
        phone: null,
        notes: null,
        tags: [],
        formSubmission: null,
        marketingConsentAt: null,
        status: 'lost',
        anonymisedAt: now,
      },
      req,
    })
}

/** Message logs' addresses and texts, and the enrolments' kept facts; open enrolments stop (`anonymised`). */
const eraseMessaging = async (req: PayloadRequest, who: { member?: string; leads: string[] }) => {
  const ml = erasableMessageLogsTable(req)
  const al = erasableEnrolmentsTable(req)
  const leadIds = who.leads.length ? who.leads : ['00000000-0000-0000-0000-000000000000']
  const leadList = sql.join(
    leadIds.map((l) => sql`${l}::uuid`),
    sql`, `,
  )
  const member = who.member ?? null
  const messages = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${ml} SET ${ml.recipient} = ${ERASED}, ${ml.subject} = NULL, ${ml.body} = NULL, ${ml.errorMessage} = NULL,
          ${ml.updatedAt} = now()
        WHERE ${ml.member} = ${member}::uuid OR ${ml.lead} IN (${leadList}) RETURNING ${ml.id} AS id`,
  )
  const enrolments = await runSql<{ id: string }>(
    req,
    sql`UPDATE ${al} SET ${al.metadata} = coalesce(${al.metadata}, '{}'::jsonb) - 'facts',
          ${al.status} = CASE WHEN ${al.status} = 'pending' THEN 'skipped'::${al.$enum.status} ELSE ${al.status} END,
          ${al.result} = CASE WHEN ${al.status} = 'pending' THEN 'anonymised' ELSE ${al.result} END,
          ${al.updatedAt} = now()
        WHERE ${al.member} = ${member}::uuid OR ${al.lead} IN (${leadList}) RETURNING ${al.id} AS id`,
  )
  return { messageLogs: messages.length, enrolments: enrolments.length }
}

/**
 * mkt_rest: GDPR erasure of a member (`POST /api/privacy/members/:id/anonymise`). In one
 * transaction: core's part (`anonymiseMembership`: the membership's profile and tags, the account
 * when the person has no other live membership; it emits `member.anonymised` so every plugin
 * erases its own data), then marketing's: the member's leads (converted into them, or with their
 * address) are erased, staff notes' text replaced, message logs lose address, subject and body,
 * enrolments their kept facts (open ones stop), notifications their text, push subscriptions are
 * deleted; the HubSpot contact is archived through the outbox and the Mailchimp contact deleted
 * for good through the jobs queue (after commit); an audit entry records it (no personal data).
 * Idempotent: a second call finds the membership anonymised and does nothing.
 */
export const anonymiseMember = async (req: PayloadRequest, id: string): Promise<AnonymiseReply> =>
  inTransaction(req, async () => {
    if (!UUID.test(id)) throw new OperationError(404, 'not_found', 'No such member.')
    const doc = await req.payload.db.findOne<TenantMembership>({
      collection: 'tenant-memberships',
      where: { id: { equals: id } },
      req,
    })
    const tenant = idOf(doc?.tenant)
    if (!doc || !tenant) throw new OperationError(404, 'not_found', 'No such member.')
    authorise(req, tenant, 'member')
    const core = await anonymiseMembership(req, id)
    if (!core) throw new OperationError(404, 'not_found', 'No such member.')
    if (!core.anonymised) return { subject: 'member', id, status: 'already_anonymised', erased: null, remote: null }
    const now = new Date().toISOString()
    const ld = leadsTable(req)
    const leads = await runSql<{ id: string; email: string | null; converted: boolean }>(
      req,
      sql`SELECT ${ld.id} AS id, ${ld.email} AS email, ${ld.convertedMember} IS NOT NULL AS converted FROM ${ld}
          WHERE ${ld.tenant} = ${tenant} AND ${ld.anonymisedAt} IS NULL
            AND (${ld.convertedMember} = ${id} OR (${core.email ?? null}::text IS NOT NULL AND lower(${ld.email}) = lower(${core.email ?? null}::text)))`,
    )
    const leadIds = leads.map((l) => String(l.id))
    await eraseLeadRows(req, leadIds, now)
    const messaging = await eraseMessaging(req, { member: id, leads: leadIds })
    const n = erasableNotesTable(req)
    const notes = await runSql<{ id: string }>(
      req,
      sql`UPDATE ${n} SET ${n.note} = ${ERASED}, ${n.updatedAt} = now() WHERE ${n.member} = ${id} RETURNING ${n.id} AS id`,
    )
    const nt = erasableNotificationsTable(req)
    const notifications = await runSql<{ id: string }>(
      req,
      sql`UPDATE ${nt} SET ${nt.title} = ${ERASED}, ${nt.message} = NULL, ${nt.actionUrl} = NULL, ${nt.actionLabel} = NULL,
            ${nt.ref} = NULL, ${nt.updatedAt} = now()
          WHERE ${nt.member} = ${id} RETURNING ${nt.id} AS id`,
    )
    const ps = erasablePushSubscriptionsTable(req)
    const push = await runSql<{ id: string }>(
      req,
      sql`DELETE FROM ${ps} WHERE ${ps.member} = ${id} RETURNING ${ps.id} AS id`,
    )
    const remote = await queueRemoteErasure(
      req,
      tenant,
      [
        { kind: 'member', id, email: null, archive: true },
        // A converted lead's contact is the member's (archived above); an unconverted one has its own.
        ...leads.map((l) => ({ kind: 'lead' as const, id: String(l.id), email: l.email, archive: !l.converted })),
      ],
      [core.email ?? '', ...leads.map((l) => l.email ?? '')],
    )
    const erased = {
      leads: leadIds.length,
      memberNotes: notes.length,
      messageLogs: messaging.messageLogs,
      enrolments: messaging.enrolments,
      notifications: notifications.length,
      pushSubscriptions: push.length,
      account: core.userAnonymised,
    }
    for (const lead of leadIds)
      await emit(req, {
        type: 'lead.anonymised',
        tenant,
        subject: { collection: 'leads', id: lead },
        data: { lead, member: id },
      })
    await audit(req, {
      category: 'data',
      action: 'member.anonymised',
      tenant,
      resourceType: 'tenant-memberships',
      resourceId: id,
      after: { erased, remote },
      details:
        'Personal data erased (GDPR): membership profile, marketing records; remote CRM/audience deletions queued.',
    })
    return { subject: 'member', id, status: 'anonymised', erased, remote }
  })

/**
 * mkt_rest: GDPR erasure of a lead (`POST /api/privacy/leads/:id/anonymise`): its personal fields
 * (the address becomes `anonymised-<id>@anonymised.invalid`, status lost), its message logs'
 * addresses and texts and its enrolments' facts (open ones stop), in one transaction with the
 * HubSpot archive (outbox) and the Mailchimp permanent delete (jobs) of its address, `lead.anonymised`
 * and an audit entry. A converted lead's contact is the member's: nothing remote is deleted for it
 * (erase the member for that). Idempotent: a second call does nothing.
 */
export const anonymiseLead = async (req: PayloadRequest, id: string): Promise<AnonymiseReply> =>
  inTransaction(req, async () => {
    if (!UUID.test(id)) throw new OperationError(404, 'not_found', 'No such lead.')
    const ld = leadsTable(req)
    const [row] = await runSql<{ tenant: string; email: string | null; converted: boolean; anonymised: boolean }>(
      req,
      sql`SELECT ${ld.tenant} AS tenant, ${ld.email} AS email, ${ld.convertedMember} IS NOT NULL AS converted,
                 ${ld.anonymisedAt} IS NOT NULL AS anonymised
          FROM ${ld} WHERE ${ld.id} = ${id} FOR UPDATE`,
    )
    if (!row) throw new OperationError(404, 'not_found', 'No such lead.')
    const tenant = String(row.tenant)
    authorise(req, tenant, 'lead')
    if (row.anonymised) return { subject: 'lead', id, status: 'already_anonymised', erased: null, remote: null }
    await eraseLeadRows(req, [id], new Date().toISOString())
    const messaging = await eraseMessaging(req, { leads: [id] })
    const remote = await queueRemoteErasure(
      req,
      tenant,
      [{ kind: 'lead', id, email: row.email, archive: !row.converted }],
      row.converted ? [] : [row.email ?? ''],
    )
    const erased = {
      leads: 1,
      memberNotes: 0,
      messageLogs: messaging.messageLogs,
      enrolments: messaging.enrolments,
      notifications: 0,
      pushSubscriptions: 0,
      account: false,
    }
    await emit(req, {
      type: 'lead.anonymised',
      tenant,
      subject: { collection: 'leads', id },
      data: { lead: id, member: null },
    })
    await audit(req, {
      category: 'data',
      action: 'lead.anonymised',
      tenant,
      resourceType: 'leads',
      resourceId: id,
      after: { erased, remote },
      details: 'Personal data erased (GDPR): lead and its messages; remote CRM/audience deletions queued.',
    })
    return { subject: 'lead', id, status: 'anonymised', erased, remote }
  })
