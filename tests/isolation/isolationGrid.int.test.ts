import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, twoTenants, type TestApp } from '@/core/testing'
import { isolationGridFor, uncoveredTenantCollections, type GridCell } from '@/core/testing/isolationGrid'
import { tenantScopes } from '@/core/tenancy/tenantScoped'
import { sampleNotesPlugin } from '../fixtures/samplePlugin'

let app: TestApp
let cast: Awaited<ReturnType<typeof twoTenants>>
let cells: GridCell[]

beforeAll(async () => {
  app = await startTestPayload({ plugins: [sampleNotesPlugin()], push: true })
  const run = await isolationGridFor(app)
  cast = run.people
  cells = run.result
}, 600_000)
afterAll(async () => app?.stop())

describe('tenant isolation grid', () => {
  it('covers every collection that carries a tenant', () => {
    expect(uncoveredTenantCollections(app.payload)).toEqual([])
  })

  it('covers a collection added by a plugin without edits to core', () => {
    const slugs = tenantScopes(app.payload.config).map((s) => s.slug)
    expect(slugs).toContain('sample-notes')
    expect(new Set(cells.map((c) => c.collection))).toEqual(new Set(slugs))
  })

  it('leaks nothing of tenant B to anonymous visitors or anyone of tenant A', () => {
    const leaks = cells.filter((c) => !c.ok)
    const collections = new Set(cells.map((c) => c.collection)).size
    console.log(`[isolation] ${cells.length} cells over ${collections} collections, ${leaks.length} leaks`)
    expect(leaks).toEqual([])
    expect(cells.length).toBeGreaterThan(collections * 80)
  })
})

describe('sample plugin', () => {
  it('runs its hook, event subscriber job and endpoint', { timeout: 240_000 }, async () => {
    const owner = cast.inA.owner
    const created = await owner.client.post('/api/sample-notes', { title: 'Hello', tenant: String(cast.a.id) })
    expect(created.status).toBe(201)
    const count = await owner.client.get('/api/sample-notes/visible-count')
    expect(count.status).toBe(200)
    expect(count.body.count).toBeGreaterThanOrEqual(1)
    // The grid's own writes queued many subscriber jobs ahead of the note's: run the queue dry.
    for (let i = 0; i < 20; i++) if ((await app.payload.jobs.run({ limit: 500 })).noJobsRemaining) break
    const note = await app.payload.findByID({ collection: 'sample-notes' as never, id: created.body.doc.id })
    expect((note as { digestedAt?: string }).digestedAt).toBeTruthy()
  })

  it('adds a scheduled job that the queue runs on its cron', async () => {
    const note = await app.payload.db.create({
      collection: 'sample-notes' as never,
      data: { title: 'Scheduled', tenant: String(cast.a.id) },
    })
    const scheduled = await app.payload.jobs.handleSchedules({ queue: 'sample' })
    expect(scheduled.queued.map((q) => q.taskConfig?.slug)).toEqual(['sampleNightlyStamp'])
    // The job waits for its cron tick (the next second).
    await new Promise((resolve) => setTimeout(resolve, 1200))
    await app.payload.jobs.run({ queue: 'sample', limit: 10 })
    const after = await app.payload.findByID({ collection: 'sample-notes' as never, id: note.id })
    expect((after as { digestedAt?: string }).digestedAt).toBeTruthy()
  })
})
