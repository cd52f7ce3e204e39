import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { callPort, getEnv, hasCollection, idOf, noteIntegrationSync, runSql } from '@/core'
import { advertisedOfferPort } from '../../contract'
import { siteOrigin } from '../../structuredData/siteOrigin'
import { buildEventPost, buildOfferPost, changedFields, postUrlOf, type LocalPost } from '../buildLocalPost'
import { gbpApi, GbpCallError, type GbpApi, type RemotePost } from '../gbpApi'
import { gbpConnection, type GbpConnection } from '../gbpConnection'
import type { GbpPostKind, GbpPostState } from '../GbpPosts'
import { gbpPostsTable } from '../gbpSqlTables'
import { GBP_SYNC_TASK } from './gbpSyncTaskSlug'

export type GbpSyncInput = { tenant: string; kind: GbpPostKind; id: string }

export type GbpSyncSummary = {
  created: number
  /** Found on Google after a create whose answer was lost (a timeout), instead of created again. */
  adopted: number
  patched: number
  deleted: number
  unchanged: number
  /** Refused by Google (4xx): recorded on the mapping row, not retried. */
  refused: number
}

/** Another run holds the mapping row (it is calling Google): this run is retried later. */
export class GbpBusy extends GbpCallError {
  constructor(what: string) {
    super(`Another sync is posting ${what}; retried later.`, null, true)
    this.name = 'GbpBusy'
  }
}

/** What a location's post should be: its Atrium location and the body (none: it should not exist). */
type Want = { location: string | null; body: LocalPost }

/** The posts a thing should have, by Business Profile location, and when they end (an offer's end is synced again). */
type Wanted = { posts: Map<string, Want>; endsAt: Date | null }

type Claimed = { id: string; state: GbpPostState; remoteName: string | null; lastBody: LocalPost | null }

const LEASE_MS = 120_000

/**
 * Brings the Google Business Profile posts of one local thing in step with it, on every Business
 * Profile location it belongs on (see README "Google Business Profile"). Event → an EVENT post on the
 * location its Atrium location maps to (or the connection's default location when it has none),
 * while it is published and not over; otherwise (cancelled, unpublished, archived, over, deleted)
 * its posts are deleted. Offer → an OFFER post on every Business location of the connection while
 * `advertisedOfferPort` gives it and it has not ended (a sync is queued at its end); otherwise deleted.
 * It reads the mapping row (`gbp-posts`, one per (tenant, kind, id, Business location)) and claims
 * it for the call with one conditional UPDATE (a second run at once finds it claimed and is
 * retried), so a post is created at most once: a create whose answer was lost (a
 * timeout, a 5xx) leaves the row `creating`, and the next run first looks for the post among the
 * location's posts (by its link) before creating. A PATCH names the fields that changed
 * (`updateMask`). 429, 5xx and timeouts throw (the job retries with backoff); other 4xx are recorded
 * on the row (`failed`, `lastError`) and not retried; the error carries Google's `Retry-After`
 * (the latest of several), which the task honours. No connection: nothing happens.
 */
export const syncGbpPost = async (
  payload: Payload,
  input: GbpSyncInput,
  options: { now?: Date; leaseMs?: number } = {},
): Promise<GbpSyncSummary> => {
  const summary: GbpSyncSummary = { created: 0, adopted: 0, patched: 0, deleted: 0, unchanged: 0, refused: 0 }
  const req = await createLocalReq({}, payload)
  const connection = await gbpConnection(req, input.tenant)
  if (!connection) return summary
  const api = gbpApi(connection)
  const now = options.now ?? new Date()
  const { posts: wanted, endsAt } =
    input.kind === 'event'
      ? { posts: await wantedEventPosts(req, connection, input.id, now), endsAt: null }
      : await wantedOfferPosts(req, connection, input.id, now)
  const p = gbpPostsTable(req)
  const rows = await runSql<{ gbp_location: string }>(
    req,
    sql`SELECT ${p.gbpLocation} AS gbp_location FROM ${p}
        WHERE ${p.tenant} = ${input.tenant} AND ${p.kind} = ${input.kind}::${p.$enum.kind} AND ${p.localId} = ${input.id}
          AND (${p.remoteName} IS NOT NULL OR ${p.state} = 'creating')`,
  )
  const targets = new Set([...wanted.keys(), ...rows.map((r) => r.gbp_location)])
  let retry: GbpCallError | null = null
  let refusal: string | null = null
  for (const gbpLocation of targets) {
    try {
      await syncOne(req, api, input, gbpLocation, wanted.get(gbpLocation) ?? null, summary, options.leaseMs ?? LEASE_MS)
    } catch (error) {
      if (!(error instanceof GbpCallError)) throw error
      // Of several, the retry waits for the latest Retry-After Google gave.
      if (error.retryable) retry = laterRetry(retry, error)
      else refusal = error.message
    }
  }
  // An offer's posts go when it ends: a sync at its end (queued whenever they were created or changed).
  if (endsAt && summary.created + summary.adopted + summary.patched > 0)
    await req.payload.jobs.queue({
      task: GBP_SYNC_TASK,
      input: { tenant: input.tenant, kind: input.kind, id: input.id },
      waitUntil: new Date(endsAt.getTime() + 1000),
      req,
    })
  if (targets.size > 0 && !(retry instanceof GbpBusy))
    await noteIntegrationSync(req, connection.id, retry?.message ?? refusal)
  if (retry) throw retry
  return summary
}

/** The retry to throw: the one Google asked to wait longest for (Retry-After), else the first. */
const laterRetry = (current: GbpCallError | null, next: GbpCallError): GbpCallError =>
  !current || (next.retryAt && (!current.retryAt || next.retryAt > current.retryAt)) ? next : current

/**
 * The OFFER posts an advertised offer should have (through `advertisedOfferPort`: commerce's
 * coupons marked "advertise"), on every Business Profile location of the connection (the mapped
 * ones and the default), while it has not ended; none when it is not advertised (any more).
 */
const wantedOfferPosts = async (
  req: PayloadRequest,
  connection: GbpConnection,
  offerId: string,
  now: Date,
): Promise<Wanted> => {
  const posts = new Map<string, Want>()
  const offer = await callPort(req, advertisedOfferPort, { tenant: connection.tenant, id: offerId })
  if (!offer || !(new Date(offer.endsAt) > now) || !(new Date(offer.startsAt) < new Date(offer.endsAt)))
    return { posts, endsAt: null }
  const tenant = await req.payload.findByID({
    collection: 'tenants',
    id: connection.tenant,
    depth: 0,
    overrideAccess: true,
    select: { slug: true, domains: true, timezone: true },
  })
  const origin = siteOrigin({ slug: tenant.slug, domains: tenant.domains }, getEnv().SERVER_URL)
  const body = buildOfferPost({
    title: offer.title,
    description: offer.description,
    startsAt: offer.startsAt,
    endsAt: offer.endsAt,
    zone: tenant.timezone || 'UTC',
    // The link also tells our post apart among the location's posts: one per offer.
    url: `${origin}/pricing?offer=${encodeURIComponent(offerId)}`,
    couponCode: offer.couponCode,
    terms: offer.terms,
    languageCode: connection.languageCode,
  })
  const targets = new Map<string, string | null>()
  for (const [location, gbpId] of Object.entries(connection.locations))
    if (!targets.has(gbpId)) targets.set(gbpId, location)
  if (connection.defaultLocation && !targets.has(connection.defaultLocation))
    targets.set(connection.defaultLocation, null)
  for (const [gbpId, location] of targets)
    posts.set(`accounts/${connection.accountId}/locations/${gbpId}`, { location, body })
  return { posts, endsAt: new Date(offer.endsAt) }
}

/** The EVENT post the event should have, keyed by Business Profile location (empty: none). */
const wantedEventPosts = async (
  req: PayloadRequest,
  connection: GbpConnection,
  eventId: string,
  now: Date,
): Promise<Map<string, Want>> => {
  const wanted = new Map<string, Want>()
  if (!hasCollection(req.payload, 'events')) return wanted
  const event = await req.payload.findByID({
    collection: 'events',
    id: eventId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!event || idOf(event.tenant) !== connection.tenant) return wanted
  if (event.status !== 'published' || new Date(event.endTime) <= now) return wanted
  const location = idOf(event.location) ?? null
  const gbpId = location ? connection.locations[location] : connection.defaultLocation
  if (!gbpId) return wanted
  const tenant = await req.payload.findByID({
    collection: 'tenants',
    id: connection.tenant,
    depth: 0,
    overrideAccess: true,
    select: { slug: true, domains: true, timezone: true },
  })
  let zone = event.timezone || null
  if (!zone && location) {
    const place = await req.payload.findByID({
      collection: 'locations',
      id: location,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      select: { timezone: true },
    })
    zone = place?.timezone || null
  }
  const origin = siteOrigin({ slug: tenant.slug, domains: tenant.domains }, getEnv().SERVER_URL)
  wanted.set(`accounts/${connection.accountId}/locations/${gbpId}`, {
    location,
    body: buildEventPost({
      title: event.title,
      description: event.description ?? null,
      startTime: event.startTime,
      endTime: event.endTime,
      zone: zone || tenant.timezone || 'UTC',
      url: `${origin}/events/${eventId}`,
      languageCode: connection.languageCode,
    }),
  })
  return wanted
}

/** One (thing, Business location): create, adopt, patch or delete its post. */
const syncOne = async (
  req: PayloadRequest,
  api: GbpApi,
  input: GbpSyncInput,
  gbpLocation: string,
  want: Want | null,
  summary: GbpSyncSummary,
  leaseMs: number,
) => {
  const p = gbpPostsTable(req)
  const key = sql`${p.tenant} = ${input.tenant} AND ${p.kind} = ${input.kind}::${p.$enum.kind} AND ${p.localId} = ${input.id} AND ${p.gbpLocation} = ${gbpLocation}`
  if (want)
    await runSql(
      req,
      sql`INSERT INTO ${p} (${p.tenant}, ${p.kind}, ${p.localId}, ${p.location}, ${p.gbpLocation}, ${p.state}, ${p.attempts}, ${p.createdAt}, ${p.updatedAt})
          VALUES (${input.tenant}, ${input.kind}::${p.$enum.kind}, ${input.id}, ${want.location}, ${gbpLocation}, 'pending', 0, now(), now())
          ON CONFLICT (${p.tenant}, ${p.kind}, ${p.localId}, ${p.gbpLocation}) DO NOTHING`,
    )
  const [claimed] = await runSql<{
    id: string
    state: GbpPostState
    remote_name: string | null
    last_body: LocalPost | null
  }>(
    req,
    sql`UPDATE ${p} SET ${p.claimedUntil} = clock_timestamp() + ${leaseMs} * interval '1 millisecond', ${p.updatedAt} = now()
        WHERE ${key} AND (${p.claimedUntil} IS NULL OR ${p.claimedUntil} < clock_timestamp())
        RETURNING ${p.id} AS id, ${p.state}::text AS state, ${p.remoteName} AS remote_name, ${p.lastBody} AS last_body`,
  )
  if (!claimed) {
    const exists = await runSql(req, sql`SELECT 1 FROM ${p} WHERE ${key}`)
    if (exists.length) throw new GbpBusy(`${input.kind} ${input.id} on ${gbpLocation}`)
    return
  }
  const row: Claimed = {
    id: String(claimed.id),
    state: claimed.state,
    remoteName: claimed.remote_name,
    lastBody: claimed.last_body,
  }
  const set = async (fields: ReturnType<typeof sql>) =>
    runSql(req, sql`UPDATE ${p} SET ${fields}, ${p.updatedAt} = now() WHERE ${p.id} = ${row.id}`)
  try {
    // A create whose answer was lost may have made the post: look for it first.
    if (!row.remoteName && row.state === 'creating') {
      const url = want ? postUrlOf(want.body) : null
      const found = url ? await findOurs(api, gbpLocation, url, want!.body.topicType) : null
      if (!want) {
        // Nothing wanted: any post it made goes (by the link the row last sent).
        const lastUrl = row.lastBody ? postUrlOf(row.lastBody) : null
        const orphan = lastUrl ? await findOurs(api, gbpLocation, lastUrl, row.lastBody!.topicType) : null
        if (orphan) await api.deletePost(orphan.name)
        await set(sql`${p.state} = 'deleted', ${p.remoteName} = NULL, ${p.lastBody} = NULL, ${p.claimedUntil} = NULL,
                      ${p.attempts} = 0, ${p.lastError} = NULL, ${p.syncedAt} = now()`)
        if (orphan) summary.deleted++
        return
      }
      if (found) {
        row.remoteName = found.name
        row.lastBody = found
        await set(
          sql`${p.remoteName} = ${found.name}, ${p.state} = 'posted', ${p.lastBody} = ${JSON.stringify(found)}::jsonb`,
        )
        summary.adopted++
      }
    }
    if (!want) {
      if (row.remoteName) {
        await api.deletePost(row.remoteName)
        summary.deleted++
      }
      await set(sql`${p.state} = 'deleted', ${p.remoteName} = NULL, ${p.lastBody} = NULL, ${p.claimedUntil} = NULL,
                    ${p.attempts} = 0, ${p.lastError} = NULL, ${p.syncedAt} = now()`)
      return
    }
    if (row.remoteName) {
      const mask = changedFields(row.lastBody, want.body)
      if (mask.length === 0) {
        summary.unchanged++
        await set(sql`${p.claimedUntil} = NULL, ${p.state} = 'posted', ${p.lastError} = NULL, ${p.attempts} = 0`)
        return
      }
      try {
        await api.patchPost(row.remoteName, want.body, mask)
        summary.patched++
        await set(sql`${p.state} = 'posted', ${p.lastBody} = ${JSON.stringify(want.body)}::jsonb, ${p.claimedUntil} = NULL,
                      ${p.attempts} = 0, ${p.lastError} = NULL, ${p.syncedAt} = now()`)
        return
      } catch (error) {
        // The post was removed on Google (by the owner): post it again.
        if (!(error instanceof GbpCallError && error.status === 404)) throw error
        row.remoteName = null
      }
    }
    // Create: mark the attempt first, so a lost answer is looked for rather than created twice.
    await set(sql`${p.state} = 'creating', ${p.remoteName} = NULL, ${p.lastBody} = ${JSON.stringify(want.body)}::jsonb,
                  ${p.attempts} = ${p.attempts} + 1`)
    const created = await api.createPost(gbpLocation, want.body)
    summary.created++
    await set(sql`${p.state} = 'posted', ${p.remoteName} = ${created.name}, ${p.lastBody} = ${JSON.stringify(want.body)}::jsonb,
                  ${p.claimedUntil} = NULL, ${p.attempts} = 0, ${p.lastError} = NULL, ${p.syncedAt} = now()`)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const refused = error instanceof GbpCallError && !error.retryable
    // A refused create leaves no post behind; a lost one stays `creating` (looked for next time).
    await set(
      refused
        ? sql`${p.claimedUntil} = NULL, ${p.lastError} = ${message.slice(0, 2000)},
              ${p.state} = CASE WHEN ${p.state} = 'creating' THEN 'failed' ELSE ${p.state} END`
        : sql`${p.claimedUntil} = NULL, ${p.lastError} = ${message.slice(0, 2000)}`,
    )
    if (refused) summary.refused++
    throw error
  }
}

/** Our post among a location's posts: the one whose link is `url` (the event's page). */
const findOurs = async (api: GbpApi, parent: string, url: string, topicType: string): Promise<RemotePost | null> =>
  (await api.listPosts(parent)).find((post) => post.topicType === topicType && postUrlOf(post) === url) ?? null
