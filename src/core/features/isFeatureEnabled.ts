import type { PayloadRequest } from 'payload'
import { APIError } from 'payload'
import { idOf } from '../access/idOf'

/**
 * Whether a feature is on for a tenant: the tenant's feature-flag row wins, else the platform
 * default (`platform-config` key `feature.<key>`), else on.
 */
export const isFeatureEnabled = async (req: PayloadRequest, tenant: unknown, featureKey: string): Promise<boolean> => {
  const tenantId = idOf(tenant)
  if (tenantId) {
    const flag = await req.payload.db.findOne<{ id: string; enabled?: boolean }>({
      collection: 'feature-flags',
      where: { and: [{ tenant: { equals: tenantId } }, { featureKey: { equals: featureKey } }] },
      req,
    })
    if (flag) return flag.enabled !== false
  }
  const platform = await req.payload.db.findOne<{ id: string; enabled?: boolean; value?: unknown }>({
    collection: 'platform-config',
    where: { key: { equals: `feature.${featureKey}` } },
    req,
  })
  if (platform) return platform.enabled !== false && platform.value !== false
  return true
}

/** Throws 403 when the feature is off for the tenant (endpoints of gated features call this first). */
export const requireFeature = async (req: PayloadRequest, tenant: unknown, featureKey: string): Promise<void> => {
  if (!(await isFeatureEnabled(req, tenant, featureKey))) {
    throw new APIError(`The "${featureKey}" feature is not enabled for this business.`, 403, undefined, true)
  }
}
