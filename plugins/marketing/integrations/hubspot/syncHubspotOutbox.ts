import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { runSql, connectedTenants, noteIntegrationSync } from '@/core'
import type { HubspotObjectKind } from '../../collections/HubspotOutbox'
import type { HubspotSyncOptions } from '../../types'
import { leadState, memberState } from './buildOutboxState'
import { enqueueHubspot } from './enqueueHubspot'
import { hubspotApi, HubspotCallError, hubspotErrorOf, HubspotOutOfTime, type HubspotApi } from './hubspotApi'
import { hubspotConnection, type HubspotConnection } from './hubspotConnection'
import { hubspotDealsTable, hubspotOutboxTable } from './hubspotSqlTables'
import { ID_PROPERTIES, LINE_ITEM_ID_PROPERTY, type ContactRef, type OutboxState } from './outboxState'

export type SyncOptions = Required<HubspotSyncOptions> & {
  /** Only this tenant (a run queued by the outbox); every connected tenant otherwise. */
  tenant?: string
}

export type SyncSummary = { sent: number; retried: number; dead: number; deferred: number; rateLimited: number }

type ClaimedRow = {
  id: string
  localId: string
  state: OutboxState
  version: number
  attempts: number
  remoteId: string | null
}

/** What became of one row of a push. */
type Outcome =
  | { kind: 'sent'; remoteId: string }
  | { kind: 'archived'; remoteId: string | null }
  | { kind: 'deferred'; waitMs: number; why: string }
  | { kind: 'rateLimited'; waitMs: number; why: string }
  | { kind: 'failed'; error: string }

/** Contacts first (a lead's contact carries the member's id before the member's upsert), then what is associated with them. */
const KIND_ORDER: HubspotObjectKind[] = ['lead', 'member', 'deal', 'order', 'tour']

const system = (payload: Payload) => createLocalReq({}, payload)

/**
 * Sends the pending rows of the HubSpot outbox, tenant by tenant, in batches of at most
 * `batchSize` (≤ 100) per call: contacts by `crm.contacts.batchApi.upsert` on their unique property
 * (`atrium_member_id`; leads on `email`), deals (local deals and paid orders) by
 * `crm.deals.batchApi.upsert` on `atrium_deal_id` with their line items (`crm.lineItems`, on
 * `atrium_line_item_id`) and associations, tours by `crm.objects.meetings.batchApi.upsert`.
 *
 * Rows are claimed for `leaseMs` with `FOR UPDATE SKIP LOCKED` (concurrent runs take different
 * rows; nothing is held open across HTTP); every request first takes a token of the connection's
 * shared bucket. A 429 puts the batch back untouched (not an attempt) until its Retry-After and
 * stops the tenant's run; any other failure is an attempt, retried with backoff, dead after
 * `maxAttempts`. A batch HubSpot refuses as a whole (400/409) is sent again row by row, so one bad
 * row does not sink the others. A row changed while its push was in flight (its `version` moved)
 * stays pending and goes again with the new state.
 */
export const syncHubspotOutbox = async (payload: Payload, options: SyncOptions): Promise<SyncSummary> => {
  const summary: SyncSummary = { sent: 0, retried: 0, dead: 0, deferred: 0, rateLimited: 0 }
  const deadline = Date.now() + options.maxRunMs
  const req = await system(payload)
  const tenants = options.tenant ? [options.tenant] : await connectedTenants(req, 'hubspot')
  for (const tenant of tenants) {
    if (Date.now() >= deadline) break
    const connection = await hubspotConnection(req, tenant)
    if (!connection) continue
    const api = hubspotApi(payload, connection, { windowMs: options.burstWindowMs, deadline })
    const note: Note = { error: null, deferred: new Set() }
    try {
      await syncTenant(req, connection, api, options, summary, note)
    } catch (e) {
      if (!(e instanceof HubspotOutOfTime)) note.error = e instanceof Error ? e.message : String(e)
    }
    await noteIntegrationSync(req, connection.id, note.error)
  }
  return summary
}

/** The last error of a tenant's run (kept on its connection). */
type Note = { error: string | null; deferred: Set<string> }

const syncTenant = async (
  req: PayloadRequest,
  connection: HubspotConnection,
  api: HubspotApi,
  options: SyncOptions,
  summary: SyncSummary,
  note: Note,
) => {
  for (let pass = 0; pass < 1000; pass++) {
    let claimedAny = false
    for (const kind of KIND_ORDER) {
      const rows = await claim(req, connection.tenant, kind, options)
      if (rows.length === 0) continue
      claimedAny = true
      let outcomes: Outcome[]
      try {
        outcomes = await pushRows(req, connection, api, kind, rows, note)
      } catch (error) {
        await release(req, rows)
        throw error
      }
      const limited = await settle(req, rows, outcomes, options, summary, note)
      if (limited) return
    }
    if (!claimedAny) return
  }
}

/** Claims up to `batchSize` due rows of one kind for `leaseMs`. */
const claim = async (req: PayloadRequest, tenant: string, kind: HubspotObjectKind, options: SyncOptions) => {
  const o = hubspotOutboxTable(req)
  const rows = await runSql<{
    id: string
    local_id: string
    state: OutboxState
    version: number
    attempts: number
    remote_id: string | null
  }>(
    req,
    sql`UPDATE ${o} SET ${o.claimedUntil} = clock_timestamp() + ${options.leaseMs} * interval '1 millisecond'
        WHERE ${o.id} IN (
          SELECT ${o.id} FROM ${o}
          WHERE ${o.tenant} = ${tenant} AND ${o.objectKind} = ${kind}::${o.$enum.objectKind} AND ${o.status} = 'pending'
            AND ${o.nextAttemptAt} <= clock_timestamp()
            AND (${o.claimedUntil} IS NULL OR ${o.claimedUntil} < clock_timestamp())
          ORDER BY ${o.nextAttemptAt}, ${o.id}
          LIMIT ${Math.min(100, Math.max(1, options.batchSize))}
          FOR UPDATE SKIP LOCKED)
        RETURNING ${o.id} AS id, ${o.localId} AS local_id, ${o.state} AS state, ${o.version}::int AS version,
                  coalesce(${o.attempts}, 0)::int AS attempts, ${o.remoteId} AS remote_id`,
  )
  return rows.map(
    (r): ClaimedRow => ({
      id: String(r.id),
      localId: r.local_id,
      state: r.state,
      version: r.version,
      attempts: r.attempts,
      remoteId: r.remote_id,
    }),
  )
}

/** Gives claimed rows back untouched (the run ran out of time before sending them). */
const release = async (req: PayloadRequest, rows: ClaimedRow[]) => {
  const o = hubspotOutboxTable(req)
  for (const row of rows) await runSql(req, sql`UPDATE ${o} SET ${o.claimedUntil} = NULL WHERE ${o.id} = ${row.id}`)
}

/** Applies each row's outcome; true when HubSpot rate-limited the run (the tenant stops here). */
const settle = async (
  req: PayloadRequest,
  rows: ClaimedRow[],
  outcomes: Outcome[],
  options: SyncOptions,
  summary: SyncSummary,
  note: Note,
) => {
  const o = hubspotOutboxTable(req)
  let limited = false
  for (const [i, row] of rows.entries()) {
    const outcome = outcomes[i]
    if (outcome.kind === 'sent' || outcome.kind === 'archived') {
      await runSql(
        req,
        sql`UPDATE ${o} SET
              ${o.status} = CASE WHEN ${o.version} = ${row.version} THEN 'sent' ELSE 'pending' END::${o.$enum.status},
              ${o.sentAt} = now(), ${o.remoteId} = ${outcome.remoteId}, ${o.attempts} = 0, ${o.lastError} = NULL,
              ${o.claimedUntil} = NULL, ${o.updatedAt} = now(),
              ${o.state} = CASE WHEN ${outcome.kind === 'archived'} AND ${o.version} = ${row.version}
                                THEN ${o.state} #- '{properties,email}' ELSE ${o.state} END
            WHERE ${o.id} = ${row.id}`,
      )
      // mkt_rest: an archived contact's address is dropped from the row once HubSpot has done it (erasure).
      summary.sent++
    } else if (outcome.kind === 'deferred' || outcome.kind === 'rateLimited') {
      await runSql(
        req,
        sql`UPDATE ${o} SET ${o.claimedUntil} = NULL, ${o.lastError} = ${outcome.why},
              ${o.nextAttemptAt} = clock_timestamp() + ${outcome.waitMs} * interval '1 millisecond', ${o.updatedAt} = now()
            WHERE ${o.id} = ${row.id}`,
      )
      if (outcome.kind === 'rateLimited') {
        limited = true
        summary.rateLimited++
        note.error = outcome.why
      } else summary.deferred++
    } else {
      const attempts = row.attempts + 1
      const dead = attempts >= options.maxAttempts
      const backoff = options.backoffSeconds[Math.min(attempts, options.backoffSeconds.length) - 1] ?? 60
      await runSql(
        req,
        sql`UPDATE ${o} SET
              ${o.attempts} = ${attempts}, ${o.lastError} = ${outcome.error.slice(0, 2000)}, ${o.claimedUntil} = NULL,
              ${o.status} = CASE WHEN ${dead} AND ${o.version} = ${row.version} THEN 'dead' ELSE 'pending' END::${o.$enum.status},
              ${o.nextAttemptAt} = clock_timestamp() + ${backoff} * interval '1 second', ${o.updatedAt} = now()
            WHERE ${o.id} = ${row.id}`,
      )
      note.error = outcome.error
      if (dead) summary.dead++
      else summary.retried++
    }
  }
  return limited
}

/** One outcome per row for an error of a whole call. */
const allFailed = (rows: ClaimedRow[], error: unknown): Outcome[] => {
  const failure = hubspotErrorOf(error)
  if (failure.status === 429)
    return rows.map(() => ({ kind: 'rateLimited', waitMs: failure.retryAfterMs ?? 10_000, why: failure.message }))
  return rows.map(() => ({ kind: 'failed', error: failure.message }))
}

/** Whether HubSpot refused the batch's content (not the service being down or us being throttled). */
const refusedContent = (error: unknown) => {
  const status = hubspotErrorOf(error).status
  return status === 400 || status === 409 || status === 422
}

type UpsertResult = { id: string; properties: Record<string, string | null> }
type Upserter = (inputs: { id: string; idProperty: string; properties: Record<string, string> }[]) => Promise<{
  results: UpsertResult[]
}>

const upserterOf = (api: HubspotApi, objectType: 'contacts' | 'deals' | 'meetings' | 'line_items'): Upserter => {
  return (inputs) =>
    api.call((client) => {
      const body = { inputs }
      if (objectType === 'contacts') return client.crm.contacts.batchApi.upsert(body)
      if (objectType === 'deals') return client.crm.deals.batchApi.upsert(body)
      if (objectType === 'line_items') return client.crm.lineItems.batchApi.upsert(body)
      return client.crm.objects.meetings.batchApi.upsert(body)
    })
}

/** The value of the row's unique property (what HubSpot matches on). */
const idValueOf = (kind: HubspotObjectKind, row: ClaimedRow) => {
  const property = ID_PROPERTIES[kind]
  const value = row.state.properties[property]
  return property === 'email' ? (value ?? '').toLowerCase() : (value ?? row.localId)
}

/**
 * Upserts a batch; the rows HubSpot answered for are `sent` with its id. A batch refused as a
 * whole is retried row by row (so only the bad rows count an attempt).
 */
const upsertBatch = async (
  api: HubspotApi,
  kind: HubspotObjectKind,
  rows: ClaimedRow[],
  objectType: 'contacts' | 'deals' | 'meetings',
): Promise<Outcome[]> => {
  const property = ID_PROPERTIES[kind]
  const upsert = upserterOf(api, objectType)
  try {
    const reply = await upsert(
      rows.map((row) => ({ id: idValueOf(kind, row), idProperty: property, properties: row.state.properties })),
    )
    const byKey = new Map<string, string>()
    for (const result of reply.results ?? []) {
      const key = result.properties?.[property]
      if (key) byKey.set(property === 'email' ? key.toLowerCase() : key, String(result.id))
    }
    return rows.map((row) => {
      const remoteId = byKey.get(idValueOf(kind, row))
      return remoteId
        ? { kind: 'sent', remoteId }
        : { kind: 'failed', error: 'HubSpot’s reply did not include this object (see its errors).' }
    })
  } catch (error) {
    if (error instanceof HubspotOutOfTime) throw error
    if (rows.length > 1 && refusedContent(error)) {
      const outcomes: Outcome[] = []
      for (const row of rows) {
        const [outcome] = await upsertBatch(api, kind, [row], objectType)
        outcomes.push(outcome)
        if (outcome.kind === 'rateLimited') {
          // Throttled halfway: the rest waits too, untouched.
          while (outcomes.length < rows.length) outcomes.push(outcome)
          break
        }
      }
      return outcomes
    }
    return allFailed(rows, error)
  }
}

/** HubSpot's id of a contact the outbox has sent (null when it has not been sent yet). */
const contactIdOf = async (req: PayloadRequest, tenant: string, ref: ContactRef) => {
  const o = hubspotOutboxTable(req)
  const [row] = await runSql<{ remote_id: string | null }>(
    req,
    sql`SELECT ${o.remoteId} AS remote_id FROM ${o}
        WHERE ${o.tenant} = ${tenant} AND ${o.objectKind} = ${ref.kind}::${o.$enum.objectKind} AND ${o.localId} = ${ref.id}`,
  )
  return row?.remote_id ?? null
}

/**
 * Puts a contact the outbox has no row for yet in it (a deal or tour waits for it); says whether
 * the contact's row is due now (it goes in this run), being sent by another run, or neither.
 */
const ensureContactRow = async (
  req: PayloadRequest,
  tenant: string,
  ref: ContactRef,
): Promise<'due' | 'claimed' | 'later'> => {
  const o = hubspotOutboxTable(req)
  const [row] = await runSql<{ due: boolean; claimed: boolean }>(
    req,
    sql`SELECT (${o.status} = 'pending' AND ${o.nextAttemptAt} <= now()) AS due,
               (${o.status} = 'pending' AND ${o.claimedUntil} > now()) AS claimed
        FROM ${o}
        WHERE ${o.tenant} = ${tenant} AND ${o.objectKind} = ${ref.kind}::${o.$enum.objectKind} AND ${o.localId} = ${ref.id}`,
  )
  if (row) return row.claimed ? 'claimed' : row.due ? 'due' : 'later'
  const state = ref.kind === 'member' ? await memberState(req, ref.id) : await leadState(req, ref.id)
  const added = state
    ? await enqueueHubspot(req, { tenant, kind: ref.kind, localId: ref.id, state, queue: false })
    : false
  return added ? 'due' : 'later'
}

/** HubSpot's id of a contact another run is sending, once it has it (polls up to 10 s). */
const waitForContactId = async (req: PayloadRequest, tenant: string, ref: ContactRef) => {
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    const id = await contactIdOf(req, tenant, ref)
    if (id) return id
  }
  return null
}

/** Associates pairs with HubSpot's default association type. */
const associate = async (api: HubspotApi, from: string, to: string, pairs: [string, string][]) => {
  for (let i = 0; i < pairs.length; i += 100) {
    const inputs = pairs.slice(i, i + 100).map(([a, b]) => ({ _from: { id: a }, to: { id: b } }))
    await api.call((client) => client.crm.associations.v4.batchApi.createDefault(from, to, { inputs }))
  }
}

/** Pushes one claimed batch of a kind and says what became of each row. */
const pushRows = async (
  req: PayloadRequest,
  connection: HubspotConnection,
  api: HubspotApi,
  kind: HubspotObjectKind,
  rows: ClaimedRow[],
  note: Note,
): Promise<Outcome[]> => {
  if (kind === 'member' || kind === 'lead') {
    // ---- HubSpot remote archive ----
    // A deleted member's or lead's contact is archived; the others are upserted.
    const archive = rows.filter((row) => row.state.archive)
    if (archive.length === 0) return upsertBatch(api, kind, rows, 'contacts')
    const upsert = rows.filter((row) => !row.state.archive)
    const outcomes = new Map<string, Outcome>()
    const archived = await archiveContacts(api, kind, archive)
    archive.forEach((row, i) => outcomes.set(row.id, archived[i]))
    if (upsert.length > 0) {
      const upserted = await upsertBatch(api, kind, upsert, 'contacts')
      upsert.forEach((row, i) => outcomes.set(row.id, upserted[i]))
    }
    return rows.map((row) => outcomes.get(row.id) ?? { kind: 'failed', error: 'Not pushed.' })
    // ---- /HubSpot remote archive ----
  }

  // Deals and meetings are associated with their contact: one not in HubSpot yet waits for it.
  const contacts = new Map<string, string | null>()
  const ready: ClaimedRow[] = []
  const outcomes = new Map<string, Outcome>()
  for (const row of rows) {
    const ref = row.state.contact
    let contactId = ref ? await contactIdOf(req, connection.tenant, ref) : null
    if (ref && !contactId) {
      // The contact goes first: one another run is sending now is waited for (a few seconds); one
      // due now goes in this run's next pass (contacts are claimed before deals and tours), so the
      // first wait is none; otherwise 30 s.
      const contact = await ensureContactRow(req, connection.tenant, ref)
      // Another run may have sent it between the two reads: its id is read again before waiting.
      contactId =
        contact === 'claimed'
          ? await waitForContactId(req, connection.tenant, ref)
          : await contactIdOf(req, connection.tenant, ref)
      if (!contactId) {
        const waitMs = contact === 'due' && !note.deferred.has(row.id) ? 0 : 30_000
        note.deferred.add(row.id)
        outcomes.set(row.id, {
          kind: 'deferred',
          waitMs,
          why: `Waiting for the ${ref.kind}’s contact to reach HubSpot.`,
        })
        continue
      }
    }
    contacts.set(row.id, contactId)
    ready.push(row)
  }
  if (ready.length > 0) {
    const objectType = kind === 'tour' ? 'meetings' : 'deals'
    const upserted = await upsertBatch(api, kind, ready, objectType)
    try {
      const sent = ready.flatMap((row, i) => {
        const outcome = upserted[i]
        return outcome.kind === 'sent' ? [{ row, remoteId: outcome.remoteId }] : []
      })
      // Line items of the deals (upserted on their own unique property), then the associations.
      const lineItems = sent.flatMap(({ row, remoteId }) =>
        (row.state.lineItems ?? []).map((line) => ({ deal: remoteId, line })),
      )
      const lineIds = new Map<string, string>()
      for (let i = 0; i < lineItems.length; i += 100) {
        const chunk = lineItems.slice(i, i + 100)
        const reply = await upserterOf(
          api,
          'line_items',
        )(chunk.map(({ line }) => ({ id: line.key, idProperty: LINE_ITEM_ID_PROPERTY, properties: line.properties })))
        for (const result of reply.results ?? []) {
          const key = result.properties?.[LINE_ITEM_ID_PROPERTY]
          if (key) lineIds.set(key, String(result.id))
        }
      }
      const linePairs = lineItems.flatMap(({ deal, line }) => {
        const id = lineIds.get(line.key)
        return id ? [[id, deal] as [string, string]] : []
      })
      if (linePairs.length > 0) await associate(api, 'line_items', 'deals', linePairs)
      const contactPairs = sent.flatMap(({ row, remoteId }) => {
        const contactId = contacts.get(row.id)
        return contactId ? [[remoteId, contactId] as [string, string]] : []
      })
      if (contactPairs.length > 0) await associate(api, objectType, 'contacts', contactPairs)
      if (kind === 'deal')
        await noteDealIds(
          req,
          connection.tenant,
          sent.map(({ row, remoteId }) => [row.localId, remoteId]),
        )
      ready.forEach((row, i) => outcomes.set(row.id, upserted[i]))
    } catch (error) {
      if (error instanceof HubspotOutOfTime) throw error
      // The objects exist now (their next push is an update); the line items or associations go again.
      const failed = allFailed(ready, error)
      ready.forEach((row, i) => outcomes.set(row.id, upserted[i].kind === 'sent' ? failed[i] : upserted[i]))
      if (error instanceof HubspotCallError && error.status === 429)
        return rows.map((row) => outcomes.get(row.id) ?? failed[0])
    }
  }
  return rows.map((row) => outcomes.get(row.id) ?? { kind: 'failed', error: 'Not pushed.' })
}

/** Keeps HubSpot's deal ids on the local deals (raw SQL: no hook, no echo). */
const noteDealIds = async (req: PayloadRequest, tenant: string, pairs: [string, string][]) => {
  const d = hubspotDealsTable(req)
  for (const [deal, remoteId] of pairs)
    await runSql(
      req,
      sql`UPDATE ${d} SET ${d.hubspotDealId} = ${remoteId}
          WHERE ${d.id} = ${deal} AND ${d.tenant} = ${tenant} AND ${d.hubspotDealId} IS DISTINCT FROM ${remoteId}`,
    )
}

// ---- HubSpot remote archive ----
/**
 * Archives the contacts of deleted members or leads (`crm.contacts.batchApi.archive`, HubSpot's
 * recoverable delete). HubSpot's id is the row's `remoteId` when the outbox sent it, else read by
 * the row's unique property; a contact HubSpot never had is done with nothing to archive.
 * Archiving is idempotent (an archived id archives again without error).
 */
const archiveContacts = async (api: HubspotApi, kind: HubspotObjectKind, rows: ClaimedRow[]): Promise<Outcome[]> => {
  try {
    const property = ID_PROPERTIES[kind]
    const ids = new Map<string, string>()
    for (const row of rows) if (row.remoteId) ids.set(row.id, row.remoteId)
    const unknown = rows.filter((row) => !ids.has(row.id))
    if (unknown.length > 0) {
      const reply = await api.call((client) =>
        client.crm.contacts.batchApi.read({
          inputs: unknown.map((row) => ({ id: idValueOf(kind, row) })),
          idProperty: property,
          properties: [property],
          propertiesWithHistory: [],
        }),
      )
      const byKey = new Map<string, string>()
      for (const result of reply.results ?? []) {
        const key = result.properties?.[property]
        if (key) byKey.set(property === 'email' ? key.toLowerCase() : key, String(result.id))
      }
      for (const row of unknown) {
        const id = byKey.get(idValueOf(kind, row))
        if (id) ids.set(row.id, id)
      }
    }
    const inputs = [...new Set(ids.values())].map((id) => ({ id }))
    if (inputs.length > 0) await api.call((client) => client.crm.contacts.batchApi.archive({ inputs }))
    return rows.map((row) => ({ kind: 'archived', remoteId: ids.get(row.id) ?? null }))
  } catch (error) {
    if (error instanceof HubspotOutOfTime) throw error
    return allFailed(rows, error)
  }
}
// ---- /HubSpot remote archive ----
