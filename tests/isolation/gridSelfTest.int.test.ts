import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestPayload, type TestApp } from '@/core/testing'
import { isolationGridFor, type GridCell } from '@/core/testing/isolationGrid'
import { leakyPlugin } from '../fixtures/leakyPlugin'

let app: TestApp
let cells: GridCell[]

beforeAll(async () => {
  app = await startTestPayload({ plugins: [leakyPlugin()], push: true })
  cells = (await isolationGridFor(app, ['leaky-notes'])).result
}, 600_000)
afterAll(async () => app?.stop())

describe('the isolation grid itself', () => {
  it('catches a collection without tenant checks through REST, GraphQL and the Local API', () => {
    const leaks = cells.filter((c) => !c.ok)
    // Creates into another tenant stay blocked even here: the multi-tenant plugin rejects assigning a
    // tenant the writer does not belong to, whatever the collection's own access says.
    expect(leaks.filter((c) => c.op.startsWith('create'))).toEqual([])
    for (const api of ['rest', 'graphql', 'local'] as const) {
      for (const op of ['find', 'findByID', 'update', 'delete']) {
        expect(
          leaks.some((c) => c.api === api && c.op === op),
          `${api} ${op} leak detected`,
        ).toBe(true)
      }
    }
  })
})
