import { createLocalReq, type Payload } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { idOf, inTransaction, runSql } from '@/core'
import { keepAllowedLinks } from '../writer/allowedLinks'
import { markdownToLexical } from '../writer/markdownToLexical'
import type { Writer } from '../writer/types'
import { periodOf } from '../operations/periodOf'
import { seoSubscriptionsTable } from '../operations/sql/websiteSqlTables'
import { websiteSettings } from '../operations/websiteSettings'
import type { Frequency } from '../types'
import { collectTenantFacts } from './collectTenantFacts'

export type DraftOutcome = {
  status: 'written' | 'published' | 'exists' | 'skipped'
  post: string | null
  period: string
}

type Subscription = { id: string; tenant?: unknown; topic: unknown; location?: unknown; frequency: Frequency }

const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '')

/** The generation key: one generated post per (topic, location, period) of a tenant (unique with the tenant). */
export const generationKeyOf = (topic: string, location: string | null, period: string) =>
  `${topic}:${location ?? 'all'}:${period}`

/**
 * Writes one subscription's post for the period `now` falls in, at most once: a period whose post
 * exists is skipped; otherwise the tenant's facts are collected, the writer writes, and the post is
 * stored (a draft awaiting approval, or published when the tenant auto-publishes and the cap and
 * near-duplicate checks pass) together with the subscription's next run, in one transaction. Two
 * workers at once both write, but the unique (tenant, generationKey) index lets one insert through;
 * the other finds the winner's post and reports `exists`.
 */
export const writeSubscriptionDraft = async (
  payload: Payload,
  subscription: Subscription,
  { now, writer, defaultCap }: { now: Date; writer: Writer; defaultCap: number },
): Promise<DraftOutcome> => {
  const tenant = idOf(subscription.tenant)
  const topicId = idOf(subscription.topic)
  if (!tenant || !topicId) return { status: 'skipped', post: null, period: '' }
  const location = idOf(subscription.location) ?? null
  const settings = await websiteSettings({ payload, transactionID: undefined }, tenant, defaultCap)
  if (!settings) return { status: 'skipped', post: null, period: '' }
  const period = periodOf(subscription.frequency, now, settings.timezone)
  const generationKey = generationKeyOf(topicId, location, period.key)
  const s = seoSubscriptionsTable(payload)
  const advance = async (req: { payload: Payload; transactionID?: string | number | Promise<string | number> }) =>
    runSql(
      req,
      sql`UPDATE ${s.$table} SET ${s.nextRunAt} = ${period.nextStart.toISOString()}, ${s.lastGeneratedAt} = COALESCE(${s.lastGeneratedAt}, ${now.toISOString()})
          WHERE ${s.id} = ${subscription.id} AND (${s.nextRunAt} IS NULL OR ${s.nextRunAt} < ${period.nextStart.toISOString()})`,
    )
  const existing = async () =>
    (
      await payload.find({
        collection: 'blog-posts',
        where: { and: [{ tenant: { equals: tenant } }, { generationKey: { equals: generationKey } }] },
        depth: 0,
        limit: 1,
        trash: true,
        overrideAccess: true,
      })
    ).docs[0]
  const found = await existing()
  if (found) {
    await advance({ payload })
    return { status: 'exists', post: String(found.id), period: period.key }
  }

  const topic = await payload.findByID({ collection: 'seo-topics', id: topicId, depth: 0, overrideAccess: true })
  const facts = await collectTenantFacts(payload, { tenant, location, now })
  const draft = await writer.write(facts, {
    name: topic.name,
    description: topic.description ?? null,
    audience: topic.audience ?? null,
    keywords: topic.keywords ?? [],
  })
  const body = markdownToLexical(keepAllowedLinks(draft.body, facts).markdown)
  const data = {
    tenant,
    title: draft.title,
    slug: `${slugify(draft.title) || 'post'}-${period.key.toLowerCase()}`,
    excerpt: draft.excerpt,
    body,
    heroImage: facts.media[0]?.id,
    topic: topicId,
    location: facts.focusLocation ?? undefined,
    isGenerated: true,
    reviewStatus: 'awaiting_approval' as const,
    generation: {
      model: draft.model,
      promptVersion: draft.promptVersion,
      generatedAt: now.toISOString(),
      period: period.key,
      subscription: subscription.id,
    },
    generationKey,
  }
  const store = async (publish: boolean, reviewNote?: string) => {
    const req = await createLocalReq({}, payload)
    return inTransaction(req, async () => {
      const post = await payload.create({
        collection: 'blog-posts',
        data: { ...data, reviewNote, _status: publish ? 'published' : 'draft' },
        draft: !publish,
        depth: 0,
        req,
        overrideAccess: true,
      })
      await advance(req)
      return post
    })
  }
  try {
    if (settings.autoPublish) {
      try {
        const post = await store(true)
        return { status: 'published', post: String(post.id), period: period.key }
      } catch (error) {
        if (await existing()) throw error
        const reason = error instanceof Error ? error.message : String(error)
        const post = await store(false, `Not published automatically: ${reason}`)
        return { status: 'written', post: String(post.id), period: period.key }
      }
    }
    const post = await store(false)
    return { status: 'written', post: String(post.id), period: period.key }
  } catch (error) {
    // Another worker stored this period's post first (the unique generation key refused ours).
    const winner = await existing()
    if (!winner) throw error
    await advance({ payload })
    return { status: 'exists', post: String(winner.id), period: period.key }
  }
}
