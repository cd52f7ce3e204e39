import type { PayloadRequest } from 'payload'
import type { Automation, AutomationTemplate } from '@/payload-types'

/**
 * Copies every active platform template into a tenant as its own active automation (on
 * `tenant.created`, and for existing tenants from the demo seed). Idempotent: a template already
 * copied into the tenant (U(tenant, template)) is left alone.
 */
export const cloneTemplates = async (req: PayloadRequest, tenant: string): Promise<number> => {
  const { docs: templates } = await req.payload.db.find<AutomationTemplate>({
    collection: 'automation-templates',
    where: { status: { equals: 'active' } },
    pagination: false,
    limit: 0,
    req,
  })
  if (templates.length === 0) return 0
  const { docs: existing } = await req.payload.db.find<Automation>({
    collection: 'automations',
    where: { and: [{ tenant: { equals: tenant } }, { template: { exists: true } }] },
    pagination: false,
    limit: 0,
    req,
  })
  const copied = new Set(existing.map((a) => String(typeof a.template === 'object' ? a.template?.id : a.template)))
  let created = 0
  for (const t of templates) {
    if (copied.has(String(t.id))) continue
    await req.payload.db.create({
      collection: 'automations',
      data: {
        tenant,
        template: t.id,
        name: t.name,
        triggerEvent: t.triggerEvent,
        triggerDays: t.triggerDays,
        triggerThreshold: t.triggerThreshold, // Holdings triggers
        triggerCondition: t.triggerCondition,
        purpose: t.purpose,
        steps: (t.steps ?? []).map(({ delayMinutes, channel, subject, body }) => ({
          delayMinutes,
          channel,
          subject,
          body,
        })),
        status: 'active',
        cooldownDays: t.cooldownDays,
      },
      req,
    })
    created++
  }
  return created
}
