import { createLocalReq, type CollectionAfterChangeHook, type Plugin } from 'payload'
import { sql } from '@payloadcms/db-postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSql } from '../db/sqlFor'
import { createTenant, startTestPayload, type TestApp } from '../testing'
import { emit } from './emit'
import { subscribe } from './subscribe'
import type { DomainEvent } from './types'

const delivered: DomainEvent[] = []
let failuresLeft = 0

/** Subscribes to location.created and can make a location write fail after the event was emitted. */
const probePlugin = (): Plugin => (config) => {
  const collections = (config.collections ?? []).map((collection) =>
    collection.slug !== 'locations'
      ? collection
      : {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [
              ...(collection.hooks?.afterChange ?? []),
              (({ doc, req }) => {
                if (req.context.failAfterEmit) throw new Error('Fail after the event was emitted')
                return doc
              }) satisfies CollectionAfterChangeHook,
            ],
          },
        },
  )
  return subscribe(
    { ...config, collections },
    {
      name: 'test.locationProbe',
      event: 'location.created',
      handler: (event) => {
        if (failuresLeft > 0) {
          failuresLeft--
          throw new Error('transient failure')
        }
        delivered.push(event)
      },
    },
  )
}

let app: TestApp
let tenant: string
const queued = async (locationId: string) =>
  (
    await runSql<{ n: number }>(
      { payload: app.payload, transactionID: undefined },
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE task_slug = 'deliverEvent' AND input->>'subscriber' = 'test.locationProbe'
          AND input->'event'->'subject'->>'id' = ${locationId}`,
    )
  )[0].n

beforeAll(async () => {
  app = await startTestPayload({ plugins: [probePlugin()], push: true })
  tenant = String((await createTenant(app.payload)).id)
})
afterAll(async () => app?.stop())

describe('domain events (transactional outbox)', () => {
  it('are delivered once when the change commits', async () => {
    const location = await app.payload.create({
      collection: 'locations',
      data: { tenant, name: 'Main', slug: 'main', timezone: 'Europe/Paris' },
    })
    expect(await queued(String(location.id))).toBe(1)
    expect(delivered.filter((e) => e.subject?.id === String(location.id))).toHaveLength(0)
    await app.payload.jobs.run({ limit: 100 })
    const mine = delivered.filter((e) => e.subject?.id === String(location.id))
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ type: 'location.created', tenant, version: 1, data: { timezone: 'Europe/Paris' } })
    await app.payload.jobs.run({ limit: 100 })
    expect(delivered.filter((e) => e.subject?.id === String(location.id))).toHaveLength(1)
  })

  it('do not exist when the change rolls back', async () => {
    const before = delivered.length
    await expect(
      app.payload.create({
        collection: 'locations',
        data: { tenant, name: 'Ghost', slug: 'ghost', timezone: 'UTC' },
        context: { failAfterEmit: true },
      }),
    ).rejects.toThrow('Fail after the event was emitted')
    const ghost = await app.payload.find({ collection: 'locations', where: { slug: { equals: 'ghost' } } })
    expect(ghost.totalDocs).toBe(0)
    const jobs = await runSql<{ n: number }>(
      { payload: app.payload, transactionID: undefined },
      sql`SELECT count(*)::int AS n FROM payload_jobs WHERE input->'event'->'data'->>'timezone' = 'UTC'`,
    )
    expect(jobs[0].n).toBe(0)
    await app.payload.jobs.run({ limit: 100 })
    expect(delivered.length).toBe(before)
  })

  it('are retried when a subscriber fails', async () => {
    failuresLeft = 2
    const location = await app.payload.create({
      collection: 'locations',
      data: { tenant, name: 'Retry', slug: 'retry', timezone: 'Asia/Tokyo' },
    })
    for (let i = 0; i < 5 && !delivered.some((e) => e.subject?.id === String(location.id)); i++) {
      await app.payload.jobs.run({ limit: 100 })
      await new Promise((r) => setTimeout(r, 1100 * 2 ** i))
    }
    expect(failuresLeft).toBe(0)
    expect(delivered.filter((e) => e.subject?.id === String(location.id))).toHaveLength(1)
  }, 60_000)

  it('are checked against their registered schema in tests: a broken payload or an unknown type fails', async () => {
    const req = await createLocalReq({}, app.payload)
    const subject = { collection: 'locations', id: tenant }
    await expect(
      emit(req, { type: 'location.created', tenant, subject, data: { timezone: 42 } as never }),
    ).rejects.toThrow(/Event "location.created" does not match its schema: timezone/)
    await expect(
      emit(req, { type: 'location.exploded' as never, tenant, subject, data: { timezone: 'UTC' } as never }),
    ).rejects.toThrow(/Event "location.exploded" is not registered/)
    await expect(
      emit(req, { type: 'location.created', tenant, subject, data: { timezone: 'UTC' } }),
    ).resolves.toMatchObject({ type: 'location.created', data: { timezone: 'UTC' } })
  })
})
