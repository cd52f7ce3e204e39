import type { Plugin } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSql, subscribe } from '@/core'
import { signIn, useTestApp, type HttpClient } from '@/core/testing'
import { writeDueDrafts } from './jobs/writeDueDrafts'
import { fingerprintOf } from './operations/fingerprint'
import { LSH_BANDS, lshBands } from './operations/lshBands'
import { lshBandsSql } from './operations/sql/lshBandsSql'
import { templateWriter } from './writer/templateWriter'
import type { Writer } from './writer/types'
import { lexicalLinks, lexicalToText, markdownToLexical } from './writer/markdownToLexical'
import { websiteTestKit } from './websiteTestKit'

/** Subscribes to the website's events so `emit` queues a job for each (the outbox the tests count). */
const probe = (): Plugin => (config) =>
  subscribe(
    config,
    { name: 'test.postPublished', event: 'blog-post.published', handler: async () => {} },
    { name: 'test.formSubmitted', event: 'form.submitted', handler: async () => {} },
  )

const app = useTestApp({ plugins: [probe()] })

const YOGA = {
  name: 'Lotus Loft',
  city: 'Portland',
  zone: 'America/Los_Angeles',
  classTitle: 'Sunrise Vinyasa Flow',
  instructor: 'Marisol Quintero',
  eventTitle: 'Full Moon Yin Workshop',
  planName: 'Unlimited Lotus',
  planAmount: 14900,
}
const GOLF = {
  name: 'Birdie Barn',
  city: 'Duluth',
  zone: 'America/Chicago',
  classTitle: 'Swing Clinic for Juniors',
  instructor: 'Torvald Henriksen',
  eventTitle: 'Winter Long Drive Night',
  planName: 'Fairway Pass',
  planAmount: 8800,
}

/** The template writer, slowed so two runs overlap between their checks and their inserts. */
const slowWriter = (ms: number): Writer => {
  const inner = templateWriter()
  return {
    name: 'slow',
    write: async (facts, topic) => (await new Promise((r) => setTimeout(r, ms)), inner.write(facts, topic)),
  }
}

let kit: ReturnType<typeof websiteTestKit>
let yoga: Awaited<ReturnType<ReturnType<typeof websiteTestKit>['studio']>>
let golf: Awaited<ReturnType<ReturnType<typeof websiteTestKit>['studio']>>
let yogaManager: HttpClient
let golfManager: HttpClient
let topic: string

const eventJobs = async (type: string, post: string) =>
  (
    await kit.q<{ n: number }>(
      // Distinct events: every subscriber gets its own job (the marketing plugin's outbound webhooks take every event).
      sql`SELECT count(DISTINCT input->'event'->>'id')::int AS n FROM payload_jobs WHERE input->'event'->>'type' = ${type} AND input->'event'->'data'->>'post' = ${post}`,
    )
  )[0].n

beforeAll(async () => {
  kit = websiteTestKit(app.payload)
  yoga = await kit.studio(YOGA)
  golf = await kit.studio(GOLF)
  yogaManager = (await signIn(app, yoga.manager.user.email)).client
  golfManager = (await signIn(app, golf.manager.user.email)).client
  topic = await kit.topic('Staying active in winter')
}, 180_000)

describe('the draft-writing job', () => {
  it('run twice at once in one period writes one draft per subscription, then advances nextRunAt', async () => {
    await kit.subscribe(yoga.tenant, topic, { location: yoga.location })
    await kit.subscribe(golf.tenant, topic)
    const now = new Date()
    const [first, second] = await Promise.all([
      writeDueDrafts(app.payload, { now, writer: slowWriter(300), defaultCap: 3 }),
      writeDueDrafts(app.payload, { now, writer: slowWriter(300), defaultCap: 3 }),
    ])
    expect(first.failed + second.failed).toBe(0)
    expect(first.written + second.written).toBe(2)
    for (const tenant of [yoga.tenant, golf.tenant]) {
      const posts = await kit.postsOf(tenant)
      expect(posts).toHaveLength(1)
      expect(posts[0].status).toBe('draft')
    }
    const subs = await kit.q<{ next: Date; last: Date | null }>(
      sql`SELECT next_run_at AS next, last_generated_at AS last FROM seo_subscriptions WHERE topic_id = ${topic}`,
    )
    for (const s of subs) {
      expect(new Date(s.next).getTime()).toBeGreaterThan(now.getTime())
      expect(s.last).not.toBeNull()
    }
    // Nothing is due any more; forcing the same period again finds the post.
    expect((await writeDueDrafts(app.payload, { now, writer: templateWriter(), defaultCap: 3 })).due).toBe(0)
    await kit.q(
      sql`UPDATE seo_subscriptions SET next_run_at = ${new Date(now.getTime() - 1000).toISOString()} WHERE topic_id = ${topic}`,
    )
    const again = await writeDueDrafts(app.payload, { now, writer: templateWriter(), defaultCap: 3 })
    expect(again.exists).toBe(2)
    expect(await kit.postsOf(yoga.tenant)).toHaveLength(1)
  }, 120_000)

  it('builds a post from at least three facts of its tenant and none of another, linking only to its own pages', async () => {
    const [row] = await kit.postsOf(yoga.tenant)
    const post = await app.payload.findByID({ collection: 'blog-posts', id: row.id, draft: true, depth: 0 })
    const text = [post.title, post.excerpt, lexicalToText(post.body)].join('\n')
    const own = [YOGA.name, YOGA.city, YOGA.classTitle, YOGA.instructor, YOGA.eventTitle, YOGA.planName, '$149.00']
    const found = own.filter((fact) => text.includes(fact))
    expect(found.length, `found ${found.join(', ')} in\n${text}`).toBeGreaterThanOrEqual(3)
    for (const fact of Object.values(GOLF).filter(
      (v): v is string => typeof v === 'string' && !v.startsWith('America/'),
    ))
      expect(text).not.toContain(fact)
    const links = lexicalLinks(post.body)
    expect(links.length).toBeGreaterThan(2)
    const yogaSlug = (await app.payload.findByID({ collection: 'tenants', id: yoga.tenant })).slug
    for (const link of links) expect(link.startsWith(`/${yogaSlug}/`)).toBe(true)
    expect(links).toContain(`/${yogaSlug}/schedule`)
    expect(post.isGenerated).toBe(true)
    expect(post.reviewStatus).toBe('awaiting_approval')
    expect(post.generation?.model).toBe('template')
    expect(post.meta?.title).toBe(post.title)
    expect(post.meta?.description).toBeTruthy()
  })

  it('publishes at once for a tenant that opted in to auto-publishing', async () => {
    const settings = await app.payload.find({
      collection: 'tenant-settings',
      where: { tenant: { equals: golf.tenant } },
      limit: 1,
    })
    await app.payload.update({
      collection: 'tenant-settings',
      id: settings.docs[0].id,
      data: { website: { autoPublish: true } },
    })
    const other = await kit.topic('Indoor training ideas')
    await kit.subscribe(golf.tenant, other)
    const result = await writeDueDrafts(app.payload, { writer: templateWriter(), defaultCap: 3 })
    expect(result.published).toBe(1)
    const post = (await kit.postsOf(golf.tenant)).find((p) => p.status === 'published')!
    expect(await eventJobs('blog-post.published', post.id)).toBe(1)
  }, 60_000)
})

describe('publishing', () => {
  const body = (text: string) => markdownToLexical(text)
  const LONG =
    'Our studio keeps the room warm all winter. Come early, bring water, and start with the gentle flow on Monday mornings. ' +
    'The teachers adjust every pose for beginners, and the Friday class ends with ten minutes of rest under blankets.'

  it('approving a generated draft publishes it, once, with its event', async () => {
    const [row] = await kit.postsOf(yoga.tenant)
    const res = await yogaManager.patch(`/api/blog-posts/${row.id}`, { _status: 'published' })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc.reviewStatus).toBe('approved')
    expect(res.body.doc.publishedAt).toBeTruthy()
    expect(await eventJobs('blog-post.published', row.id)).toBe(1)
  })

  it('blocks a near-duplicate of another tenant’s published post, naming it, and passes a distinct one', async () => {
    const original = await yogaManager.post('/api/blog-posts', {
      tenant: yoga.tenant,
      title: 'Warm rooms in winter',
      slug: 'warm-rooms',
      body: body(LONG),
      _status: 'published',
    })
    expect(original.status, JSON.stringify(original.body)).toBe(201)
    const copy = await golfManager.post('/api/blog-posts', {
      tenant: golf.tenant,
      title: 'Warm rooms in winter',
      slug: 'warm-rooms-copy',
      body: body(LONG.replace('Monday', 'Tuesday')),
      _status: 'published',
    })
    expect(copy.status).toBe(409)
    // Payload's REST shape: { errors: [{ message, data: { code } }] }.
    const refusal = copy.body.errors[0]
    expect(refusal.data.code).toBe('near_duplicate')
    expect(refusal.message).toContain('Warm rooms in winter')
    expect(refusal.message).toContain(String(original.body.doc.id))
    expect(refusal.message).toMatch(/\d+% similar/)
    // The same text as a draft is fine; only publishing is checked.
    const draft = await golfManager.post('/api/blog-posts?draft=true', {
      tenant: golf.tenant,
      title: 'Warm rooms in winter',
      slug: 'warm-rooms-copy',
      body: body(LONG),
      _status: 'draft',
    })
    expect(draft.status).toBe(201)
    const publishDraft = await golfManager.patch(`/api/blog-posts/${draft.body.doc.id}`, { _status: 'published' })
    expect(publishDraft.status).toBe(409)
    const distinct = await golfManager.post('/api/blog-posts', {
      tenant: golf.tenant,
      title: 'Long drives at the barn',
      slug: 'long-drives',
      body: body(
        'Swing the driver on the simulator: the launch monitor shows carry, spin and smash factor after every shot, and juniors get a free bucket on Saturdays.',
      ),
      _status: 'published',
    })
    expect(distinct.status, JSON.stringify(distinct.body)).toBe(201)
  })

  it('finds near-duplicates through the index: each post stores its LSH band keys (as the migration computes them), the lookup uses the GIN index', async () => {
    const rows = await kit.q<{ id: string; stored: string[] | null; computed: string[] | null }>(
      sql`SELECT id, lsh_bands AS stored, ${lshBandsSql(sql`fingerprint`)} AS computed FROM blog_posts
          WHERE tenant_id IN (${yoga.tenant}, ${golf.tenant}) AND jsonb_typeof(fingerprint) = 'array'`,
    )
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.stored).toHaveLength(LSH_BANDS)
      expect(row.stored).toEqual(row.computed)
    }
    // A near copy (one word changed) in another tenant shares keys with the original; a distinct text none.
    const [original] = await kit.q<{ keys: string[] }>(
      sql`SELECT lsh_bands AS keys FROM blog_posts WHERE tenant_id = ${yoga.tenant} AND slug = 'warm-rooms'`,
    )
    const copyKeys = lshBands(fingerprintOf(`Warm rooms in winter\n${LONG.replace('Monday', 'Sunday')}`, 4))
    expect(copyKeys.filter((k) => original.keys.includes(k)).length).toBeGreaterThan(0)
    // The lookup's operator is answered by the GIN index (with this few rows the planner would
    // rather scan, so scans are turned off for this one transaction).
    const tx = await app.payload.db.beginTransaction()
    try {
      const inTx = { payload: app.payload, transactionID: tx ?? undefined }
      await runSql(inTx, sql`SET LOCAL enable_seqscan = off`)
      const plan = await runSql<{ 'QUERY PLAN': string }>(
        inTx,
        sql`EXPLAIN SELECT id FROM blog_posts WHERE lsh_bands ?| ${`{${copyKeys.join(',')}}`}::text[] AND tenant_id <> ${golf.tenant}`,
      )
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Bitmap Index Scan on blog_posts_lsh_bands_gin/)
    } finally {
      if (tx) await app.payload.db.rollbackTransaction(tx)
    }
  })

  it('refuses a publication past the weekly cap with a clear 409', async () => {
    const settings = await app.payload.find({
      collection: 'tenant-settings',
      where: { tenant: { equals: yoga.tenant } },
      limit: 1,
    })
    const publishedThisWeek = (await kit.postsOf(yoga.tenant)).filter((p) => p.status === 'published').length
    await app.payload.update({
      collection: 'tenant-settings',
      id: settings.docs[0].id,
      data: { website: { weeklyPublishCap: publishedThisWeek + 1 } },
    })
    const words = (seed: string) => Array.from({ length: 40 }, (_, i) => `${seed}${i}`).join(' ')
    const ok = await yogaManager.post('/api/blog-posts', {
      tenant: yoga.tenant,
      title: 'One more',
      slug: 'one-more',
      body: body(words('alpha')),
      _status: 'published',
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    const over = await yogaManager.post('/api/blog-posts', {
      tenant: yoga.tenant,
      title: 'Too many',
      slug: 'too-many',
      body: body(words('beta')),
      _status: 'published',
    })
    expect(over.status).toBe(409)
    expect(over.body.errors[0].data.code).toBe('weekly_cap_reached')
    expect(over.body.errors[0].message).toContain(`${publishedThisWeek + 1} of ${publishedThisWeek + 1}`)
    // Editing an already published post is not a new publication.
    const edit = await yogaManager.patch(`/api/blog-posts/${ok.body.doc.id}`, {
      title: 'One more (edited)',
      _status: 'published',
    })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    // A draft may still be saved.
    const draft = await yogaManager.post('/api/blog-posts?draft=true', {
      tenant: yoga.tenant,
      title: 'Next week',
      slug: 'next-week',
      _status: 'draft',
    })
    expect(draft.status).toBe(201)
  })

  it('visitors read published posts only', async () => {
    const anonymous = app.http()
    const list = await anonymous.get(`/api/blog-posts?where[tenant][equals]=${yoga.tenant}&limit=50`)
    expect(list.status).toBe(200)
    expect(list.body.docs.length).toBeGreaterThan(0)
    for (const doc of list.body.docs) expect(doc._status).toBe('published')
  })
})
