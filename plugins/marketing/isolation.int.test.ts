import { describe, expect, it } from 'vitest'
import { useTestApp } from '@/core/testing'
import { isolationGridFor } from '@/core/testing/isolationGrid'

const app = useTestApp()

describe('isolation of the automations and messaging collections', () => {
  it('leaks nothing of tenant B to visitors or tenant A, through REST, GraphQL and the Local API', async () => {
    const slugs = ['automations', 'automation-logs', 'message-logs', 'notifications']
    const { result } = await isolationGridFor(app, slugs)
    expect(new Set(result.map((c) => c.collection))).toEqual(new Set(slugs))
    const leaks = result.filter((c) => !c.ok)
    expect(leaks).toEqual([])
  }, 600_000)
})

// ---- Web push ----
describe('isolation of the push subscriptions', () => {
  it('leaks nothing of tenant B to visitors or tenant A, through REST, GraphQL and the Local API', async () => {
    const slugs = ['push-subscriptions']
    const { result } = await isolationGridFor(app, slugs)
    expect(new Set(result.map((c) => c.collection))).toEqual(new Set(slugs))
    expect(result.filter((c) => !c.ok)).toEqual([])
  }, 600_000)
})
// ---- /Web push ----
