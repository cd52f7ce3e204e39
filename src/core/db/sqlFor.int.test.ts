import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestApp } from '../testing'
import { inTransaction } from './inTransaction'
import { afterCommit, runSql } from './sqlFor'
import { defineSqlTable } from './sqlTable'

const flags = defineSqlTable('feature-flags', { id: 'id', featureKey: 'featureKey', enabled: 'enabled' })

let app: TestApp
beforeAll(async () => {
  app = await startTestPayload()
})
afterAll(async () => app?.stop())

describe('runSql', () => {
  it("runs `prepared` statements as named prepared statements on the transaction's connection, with the same rows", async () => {
    const req = { payload: app.payload, transactionID: undefined, context: {} } as unknown as PayloadRequest
    const query = (n: number) => sql`SELECT ${n}::int + 1 AS next, 'atrium-prepared-check' AS tag`
    await inTransaction(req, async () => {
      const plain = await runSql<{ next: number }>(req, query(41))
      const first = await runSql<{ next: number; tag: string }>(req, query(41), { prepared: true })
      const second = await runSql<{ next: number }>(req, query(1), { prepared: true })
      expect(first).toEqual(plain)
      expect(first[0]).toEqual({ next: 42, tag: 'atrium-prepared-check' })
      expect(second[0].next).toBe(2)
      // Same connection as the transaction: the statement is prepared there, once, under one name.
      const prepared = await runSql<{ name: string }>(
        req,
        sql`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%atrium-prepared-check%'`,
      )
      expect(prepared).toHaveLength(1)
      expect(prepared[0].name).toMatch(/^atrium_/)
    })
  })

  // sqlFor reads Payload's private adapter fields (see sqlFor.ts): this fails if an upgrade moves them.
  it('joins a transaction opened by payload.db.beginTransaction(): plain and prepared statements run on its connection and roll back with it', async () => {
    const id = await app.payload.db.beginTransaction()
    expect(id).toBeTruthy()
    const req = { payload: app.payload, transactionID: id } as unknown as PayloadRequest
    const outside = { payload: app.payload, transactionID: undefined } as unknown as PayloadRequest
    const f = flags(req)
    const key = `sqlfor-check-${Date.now()}`
    try {
      const [plain] = await runSql<{ pid: number; xid: string }>(
        req,
        sql`SELECT pg_backend_pid() AS pid, txid_current()::text AS xid`,
      )
      const [prepared] = await runSql<{ pid: number; xid: string }>(
        req,
        sql`SELECT pg_backend_pid() AS pid, txid_current()::text AS xid, 'atrium-tx-check' AS tag`,
        { prepared: true },
      )
      expect({ pid: prepared.pid, xid: prepared.xid }).toEqual(plain)
      await runSql(req, sql`INSERT INTO ${f} (${f.featureKey}, ${f.enabled}) VALUES (${key}, false)`, {
        prepared: true,
      })
      const count = (on: PayloadRequest) =>
        runSql<{ n: number }>(on, sql`SELECT count(*)::int AS n FROM ${f} WHERE ${f.featureKey} = ${key}`)
      expect((await count(req))[0].n).toBe(1)
      expect((await count(outside))[0].n).toBe(0) // not committed: invisible outside the transaction
      const [pool] = await runSql<{ xid: string | null }>(outside, sql`SELECT txid_current_if_assigned()::text AS xid`)
      expect(pool.xid).toBeNull()
    } finally {
      await app.payload.db.rollbackTransaction(id!)
    }
    const [after] = await runSql<{ n: number }>(
      outside,
      sql`SELECT count(*)::int AS n FROM ${f} WHERE ${f.featureKey} = ${key}`,
    )
    expect(after.n).toBe(0)
  })
})

describe('afterCommit', () => {
  it('runs once the transaction has committed (the data visible to other connections), never after a rollback', async () => {
    const req = { payload: app.payload, transactionID: undefined, context: {} } as unknown as PayloadRequest
    const key = `after-commit-${Date.now()}`
    const visibleElsewhere = async () =>
      (
        await runSql<{ n: number }>(
          { payload: app.payload, transactionID: undefined },
          sql`SELECT count(*)::int AS n FROM payload_kv WHERE key = ${key}`,
        )
      )[0].n
    const seen: number[] = []
    await inTransaction(req, async () => {
      await runSql(req, sql`INSERT INTO payload_kv (key, data) VALUES (${key}, '{}'::jsonb)`)
      await afterCommit(req, () => void visibleElsewhere().then((n) => seen.push(n)))
      expect(seen).toEqual([]) // not before the commit
    })
    await expect.poll(() => seen).toEqual([1])

    const rolledBack: string[] = []
    await expect(
      inTransaction(req, async () => {
        await afterCommit(req, () => rolledBack.push('ran'))
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(rolledBack).toEqual([])

    // Without a transaction it runs at once.
    let now = false
    await afterCommit({ payload: app.payload, transactionID: undefined }, () => (now = true))
    expect(now).toBe(true)
  })
})
