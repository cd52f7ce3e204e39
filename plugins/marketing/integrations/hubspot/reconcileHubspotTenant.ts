import type { PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, tenantMembershipsTable } from '@/core'
import type { HubspotObjectKind } from '../../collections/HubspotOutbox'
import { dealState, leadState, memberState } from './buildOutboxState'
import { enqueueHubspot } from './enqueueHubspot'
import type { HubspotApi } from './hubspotApi'
import type { HubspotConnection } from './hubspotConnection'
import { hubspotOutboxTable } from './hubspotSqlTables'
import { ID_PROPERTIES, objectTypeOf, type OutboxState } from './outboxState'

export type ReconcileSummary = { added: number; requeued: number; checked: number }

/** Whether HubSpot's value is ours (numbers and instants compared as such: HubSpot normalises them). */
export const sameValue = (ours: string, theirs: string | null | undefined) => {
  if (theirs === null || theirs === undefined) return ours === ''
  if (ours === theirs || ours.toLowerCase() === theirs.toLowerCase()) return true
  const [a, b] = [Number(ours), Number(theirs)]
  if (ours.trim() !== '' && theirs.trim() !== '' && Number.isFinite(a) && Number.isFinite(b)) return a === b
  const [x, y] = [Date.parse(ours), Date.parse(theirs)]
  return Number.isFinite(x) && Number.isFinite(y) && x === y
}

/**
 * The nightly repair of one tenant: local objects the outbox has never had (members, leads,
 * deals: at most `limit` of each) are put in it, and every sent row is read back from HubSpot in
 * batches of 100 (`batchApi.read` on its unique property): a row whose object is missing there or
 * whose properties differ from what was sent goes pending again. The sync job sends them.
 */
export const reconcileHubspotTenant = async (
  req: PayloadRequest,
  connection: HubspotConnection,
  api: HubspotApi,
  { limit = 2000 }: { limit?: number } = {},
): Promise<ReconcileSummary> => {
  const summary: ReconcileSummary = { added: 0, requeued: 0, checked: 0 }
  const tenant = connection.tenant
  const o = hubspotOutboxTable(req)
  const m = tenantMembershipsTable(req)

  // 1. What the outbox never had.
  const missingMembers = await runSql<{ id: string }>(
    req,
    sql`SELECT ${m.id} AS id FROM ${m} WHERE ${m.tenant} = ${tenant}
          AND NOT EXISTS (SELECT 1 FROM ${o} WHERE ${o.tenant} = ${tenant} AND ${o.objectKind} = 'member' AND ${o.localId} = ${m.id}::text)
        ORDER BY ${m.id} LIMIT ${limit}`,
  )
  for (const { id } of missingMembers) {
    const state = await memberState(req, String(id))
    if (state && (await enqueueHubspot(req, { tenant, kind: 'member', localId: String(id), state, queue: false })))
      summary.added++
  }
  const leads = await req.payload.find({
    collection: 'leads',
    where: { tenant: { equals: tenant } },
    depth: 0,
    limit,
    pagination: false,
    req,
  })
  const known = await knownIds(req, tenant, 'lead')
  for (const lead of leads.docs) {
    if (known.has(String(lead.id))) continue
    const state = await leadState(req, String(lead.id))
    if (state && (await enqueueHubspot(req, { tenant, kind: 'lead', localId: String(lead.id), state, queue: false })))
      summary.added++
  }
  const deals = await req.payload.find({
    collection: 'deals',
    where: { tenant: { equals: tenant } },
    depth: 0,
    limit,
    pagination: false,
    req,
  })
  const knownDeals = await knownIds(req, tenant, 'deal')
  for (const deal of deals.docs) {
    if (knownDeals.has(String(deal.id))) continue
    if (
      await enqueueHubspot(req, {
        tenant,
        kind: 'deal',
        localId: String(deal.id),
        state: dealState(deal),
        queue: false,
      })
    )
      summary.added++
  }

  // 2. What HubSpot lost or holds differently.
  for (const kind of ['member', 'lead', 'deal', 'order', 'tour'] as const) {
    let after = ''
    for (;;) {
      const rows = await runSql<{ id: string; state: OutboxState }>(
        req,
        sql`SELECT ${o.id} AS id, ${o.state} AS state FROM ${o}
            WHERE ${o.tenant} = ${tenant} AND ${o.objectKind} = ${kind}::${o.$enum.objectKind} AND ${o.status} = 'sent'
              AND NOT coalesce((${o.state}->>'archive')::boolean, false)
              AND ${o.id}::text > ${after}
            ORDER BY ${o.id}::text LIMIT 100`,
      )
      if (rows.length === 0) break
      after = String(rows[rows.length - 1].id)
      const stale = await differing(api, kind, rows)
      summary.checked += rows.length
      for (const id of stale) {
        await runSql(
          req,
          sql`UPDATE ${o} SET ${o.status} = 'pending', ${o.nextAttemptAt} = now(), ${o.attempts} = 0, ${o.updatedAt} = now(),
                ${o.lastError} = 'Reconcile: HubSpot is missing this object or holds other values.'
              WHERE ${o.id} = ${id} AND ${o.status} = 'sent'`,
        )
        summary.requeued++
      }
    }
  }
  return summary
}

const knownIds = async (req: PayloadRequest, tenant: string, kind: HubspotObjectKind) => {
  const o = hubspotOutboxTable(req)
  const rows = await runSql<{ local_id: string }>(
    req,
    sql`SELECT ${o.localId} AS local_id FROM ${o} WHERE ${o.tenant} = ${tenant} AND ${o.objectKind} = ${kind}::${o.$enum.objectKind}`,
  )
  return new Set(rows.map((r) => r.local_id))
}

/** The rows (ids) whose object HubSpot does not have or holds with other values. */
const differing = async (api: HubspotApi, kind: HubspotObjectKind, rows: { id: string; state: OutboxState }[]) => {
  const idProperty = ID_PROPERTIES[kind]
  const keyOf = (state: OutboxState) => {
    const value = state.properties[idProperty] ?? ''
    return idProperty === 'email' ? value.toLowerCase() : value
  }
  const properties = [...new Set(rows.flatMap((row) => Object.keys(row.state.properties)))]
  const body = {
    inputs: rows.map((row) => ({ id: keyOf(row.state) })),
    idProperty,
    properties,
    propertiesWithHistory: [],
  }
  const objectType = objectTypeOf(kind)
  const reply = await api.call((client) =>
    objectType === 'contacts'
      ? client.crm.contacts.batchApi.read(body)
      : objectType === 'deals'
        ? client.crm.deals.batchApi.read(body)
        : client.crm.objects.meetings.batchApi.read(body),
  )
  const remote = new Map<string, Record<string, string | null>>()
  for (const result of reply.results ?? []) {
    const key = result.properties?.[idProperty]
    if (key) remote.set(idProperty === 'email' ? key.toLowerCase() : key, result.properties)
  }
  return rows
    .filter((row) => {
      const theirs = remote.get(keyOf(row.state))
      if (!theirs) return true
      return Object.entries(row.state.properties).some(([name, value]) => !sameValue(value, theirs[name]))
    })
    .map((row) => String(row.id))
}
