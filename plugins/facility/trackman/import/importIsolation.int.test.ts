import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { isolationGridFor } from '@/core/testing/isolationGrid'

const app = useTestApp()

describe('isolation grid: the Trackman import collections', () => {
  it('leaks nothing of one business’s imports and review rows to another or to visitors', async () => {
    const { result } = await isolationGridFor(app, ['facility-imports', 'facility-import-rows'])
    expect(new Set(result.map((c) => c.collection))).toEqual(new Set(['facility-imports', 'facility-import-rows']))
    expect(result.filter((c) => !c.ok)).toEqual([])
    expect(result.length).toBeGreaterThan(160)
  }, 300_000)
})
