import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CASTS, countCasts, describeCasts, type Cast, type CastCounts } from '../scripts/countCasts'

// Code outside tests uses the generated types (payload-types.ts) instead of casts that switch type
// checking off. The budget only goes down: lower tests/castBudget.json when you remove some.
const root = path.resolve(import.meta.dirname, '..')

describe('casts outside tests stay within tests/castBudget.json', () => {
  it('as never, as unknown as and as any', async () => {
    const budget = JSON.parse(await readFile(path.join(root, 'tests/castBudget.json'), 'utf8')) as CastCounts
    const found = await countCasts(root)
    console.log(`casts outside tests (budget in tests/castBudget.json):\n${describeCasts(found)}`)
    const over = (Object.keys(CASTS) as Cast[])
      .filter((cast) => found.totals[cast] > budget[cast])
      .map((cast) => `${cast}: ${found.totals[cast]} (budget ${budget[cast]})`)
    expect(over, 'use the generated types instead of a cast (see the list printed above)').toEqual([])
  })
})
