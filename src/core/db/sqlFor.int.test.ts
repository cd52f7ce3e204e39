import { sql } from '@payloadcms/db-postgres'
import type { PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestApp } from '../testing'
import { inTransaction } from './inTransaction'
import { runSql } from './sqlFor'

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
})
