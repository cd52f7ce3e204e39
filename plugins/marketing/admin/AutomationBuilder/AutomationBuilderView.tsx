import type { AdminViewServerProps } from 'payload'
import { AdminNotice, AdminPage } from '@/core/admin/AdminPage'
import { MANAGER_ROLES, adminTenant, TENANT_COOKIE } from '@/core'
import { TRIGGER_OPTIONS } from '../../operations/automations/triggers'
import { previewAudience } from '../../operations/automations/previewAudience'
import { automationReport } from '../../abtest/automationReport'
import { AutomationBuilder, type BuilderAutomation } from './AutomationBuilder'

/**
 * `/admin/automation-builder[?id=]`: builds a multi-step automation of the tenant chosen in the
 * tenant selector (managers): trigger, steps (delay, channel, subject, body, branch), variants,
 * holdout and goal; saves through REST with the viewer's access and shows the audience preview
 * and the A/B report. The client part is `AutomationBuilder`.
 */
export const AutomationBuilderView = async (view: AdminViewServerProps) => {
  const { req } = view.initPageResult
  const { tenant, allowed } = adminTenant(req.user, view.initPageResult.cookies.get(TENANT_COOKIE), MANAGER_ROLES)
  if (!tenant || !allowed)
    return (
      <AdminPage view={view} title="Automation builder">
        <AdminNotice>
          {tenant
            ? 'Only managers (owner, admin, manager) can build automations.'
            : 'Choose a business in the tenant selector to build its automations.'}
        </AdminNotice>
      </AdminPage>
    )
  const raw = view.searchParams?.id
  const id = typeof raw === 'string' && /^[0-9a-f-]{36}$/i.test(raw) ? raw : null
  const { docs } = await req.payload.find({
    collection: 'automations',
    where: { tenant: { equals: tenant } },
    depth: 0,
    limit: 100,
    sort: 'name',
    overrideAccess: false,
    req,
  })
  const doc = id ? docs.find((d) => String(d.id) === id) : undefined
  const initial: BuilderAutomation | null = doc
    ? {
        id: String(doc.id),
        name: doc.name,
        triggerEvent: doc.triggerEvent,
        purpose: doc.purpose,
        status: doc.status,
        cooldownDays: doc.cooldownDays ?? 0,
        triggerDays: doc.triggerDays ?? null, // Holdings triggers
        triggerThreshold: doc.triggerThreshold ?? null,
        holdoutPercent: doc.holdoutPercent ?? 0,
        goalDays: doc.goalDays ?? 14,
        goalType: doc.goalType ?? 'booking_or_order', // mkt_rest
        steps: (doc.steps ?? []).map((s) => ({
          delayMinutes: s.delayMinutes ?? 0,
          channel: s.channel,
          subject: s.subject ?? '',
          body: s.body,
          condition: s.branch?.condition ? JSON.stringify(s.branch.condition) : '',
          ifTrue: s.branch?.ifTrue ?? 'send',
          ifFalse: s.branch?.ifFalse ?? 'end',
        })),
        variants: (doc.variants ?? []).map((v) => ({
          key: v.key,
          weight: v.weight,
          overrides: (v.overrides ?? []).map((o) => ({ step: o.step, subject: o.subject ?? '', body: o.body ?? '' })),
        })),
      }
    : null
  // One after the other: they share the request.
  const preview = doc ? await previewAudience(req, String(doc.id)).catch(() => null) : null
  const report = doc ? await automationReport(req, String(doc.id)).catch(() => null) : null
  return (
    <AdminPage view={view} title="Automation builder" className="automation-builder">
      <nav aria-label="Automations">
        <p>
          <a href="/admin/automation-builder">New automation</a> ·{' '}
          <a href="/admin/collections/automations">All automations as a list</a>
        </p>
        {docs.length ? (
          <ul className="automation-builder__list">
            {docs.map((d) => (
              <li key={d.id}>
                <a
                  href={`/admin/automation-builder?id=${d.id}`}
                  aria-current={String(d.id) === id ? 'page' : undefined}
                >
                  {d.name}
                </a>{' '}
                ({d.status})
              </li>
            ))}
          </ul>
        ) : null}
      </nav>
      {id && !doc ? <AdminNotice>No such automation in this business.</AdminNotice> : null}
      <AutomationBuilder
        key={initial?.id ?? 'new'}
        tenant={tenant}
        triggers={TRIGGER_OPTIONS}
        initial={initial}
        initialPreview={preview}
        initialReport={report}
      />
    </AdminPage>
  )
}
