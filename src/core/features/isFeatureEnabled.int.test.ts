import { describe, expect, it } from 'vitest'
import { createLocalReq } from 'payload'
import { createTenant, useTestApp } from '../testing'
import { isFeatureEnabled, requireFeature } from './isFeatureEnabled'

const app = useTestApp()

describe('feature gating', () => {
  it('uses the tenant flag, else the platform default, else on', async () => {
    const req = await createLocalReq({}, app.payload)
    const a = String((await createTenant(app.payload)).id)
    const b = String((await createTenant(app.payload)).id)
    expect(await isFeatureEnabled(req, a, 'lms')).toBe(true)
    await app.payload.create({ collection: 'platform-config', data: { key: 'feature.lms', enabled: false } })
    expect(await isFeatureEnabled(req, a, 'lms')).toBe(false)
    await app.payload.create({ collection: 'feature-flags', data: { tenant: b, featureKey: 'lms', enabled: true } })
    expect(await isFeatureEnabled(req, b, 'lms')).toBe(true)
    await expect(requireFeature(req, a, 'lms')).rejects.toMatchObject({
      status: 403,
      message: 'The "lms" feature is not enabled for this business.',
    })
    await expect(requireFeature(req, b, 'lms')).resolves.toBeUndefined()
  })
})
