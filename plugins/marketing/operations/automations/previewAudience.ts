import type { PayloadRequest } from 'payload'
import { OperationError, idOf, isTimeZone } from '@/core'
import type { Automation, Tenant } from '@/payload-types'
import type { AutomationPreview } from '../../contract'
import { audienceRows } from './audienceSql'
import { LEAD_TRIGGER } from './triggers'

/** "Who would receive this today": the count and the first 20 members (read access is the caller's). */
export const previewAudience = async (req: PayloadRequest, id: string): Promise<AutomationPreview> => {
  const automation = await req.payload.findByID({
    collection: 'automations',
    id,
    depth: 0,
    overrideAccess: false,
    req,
    disableErrors: true,
  })
  if (!automation) throw new OperationError(404, 'not_found', 'No such automation.')
  const tenantId = idOf(automation.tenant)
  if (!tenantId) throw new OperationError(404, 'not_found', 'No such automation.')
  // Lead recipients: a New lead automation reaches leads captured from now on, no member and no existing lead.
  if (automation.triggerEvent === LEAD_TRIGGER) return { count: 0, members: [] }
  const tenant = await req.payload.db.findOne<Tenant>({
    collection: 'tenants',
    where: { id: { equals: tenantId } },
    req,
  })
  const zone = isTimeZone(tenant?.timezone) ? tenant.timezone : 'UTC'
  const rows = await audienceRows(req, automation satisfies Automation, { id: tenantId, zone })
  return {
    count: rows[0]?.total ?? 0,
    members: rows.map((r) => ({ id: String(r.id), name: r.name, email: r.email })),
  }
}
