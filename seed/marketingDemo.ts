import type { Payload } from 'payload'
import { hasCollection } from '../src/core/features/hasCollection'
import type { AutomationTemplate } from '../src/payload-types'
import { DEMO_TENANTS } from './demoTenants'

type TemplateData = Omit<AutomationTemplate, 'id' | 'createdAt' | 'updatedAt'>

/** The platform's automation templates: every tenant gets an active copy. */
const TEMPLATES: TemplateData[] = [
  {
    name: 'Welcome series',
    triggerEvent: 'member.created',
    purpose: 'marketing',
    status: 'active',
    cooldownDays: 0,
    steps: [
      {
        delayMinutes: 0,
        channel: 'email',
        subject: 'Welcome to {{studioName}}, {{firstName}}',
        body: 'Hi {{firstName}},\n\nWelcome to {{studioName}}! Book your first class from your account page; we look forward to meeting you.',
      },
      {
        delayMinutes: 2 * 24 * 60,
        channel: 'in_app',
        subject: 'How is it going?',
        body: 'Two days in: have you booked your first class yet? Our schedule is on the home page.',
      },
    ],
  },
  {
    name: 'Win-back',
    triggerEvent: 'time.no_visit',
    triggerDays: 30,
    purpose: 'marketing',
    status: 'active',
    cooldownDays: 60,
    steps: [
      {
        delayMinutes: 0,
        channel: 'email',
        subject: 'We miss you at {{studioName}}',
        body: 'Hi {{firstName}},\n\nIt has been a month since your last visit. Come back this week: your spot is waiting.',
      },
    ],
  },
  {
    name: 'Birthday message',
    triggerEvent: 'time.birthday',
    purpose: 'marketing',
    status: 'active',
    cooldownDays: 0,
    steps: [
      {
        delayMinutes: 0,
        channel: 'in_app',
        subject: 'Happy birthday, {{firstName}}!',
        body: 'Everyone at {{studioName}} wishes you a happy birthday.',
      },
    ],
  },
  // ---- Holdings triggers ----
  {
    name: 'Credits running low',
    triggerEvent: 'time.low_credits',
    triggerThreshold: 1,
    purpose: 'marketing',
    status: 'active',
    cooldownDays: 0,
    steps: [
      {
        delayMinutes: 0,
        channel: 'in_app',
        subject: 'One class left',
        body: 'Hi {{firstName}}, you have one class credit or less left at {{studioName}}. Top up from your account page.',
      },
    ],
  },
  {
    name: 'Class pack expiring',
    triggerEvent: 'time.pack_expiring',
    triggerDays: 7,
    purpose: 'marketing',
    status: 'active',
    cooldownDays: 0,
    steps: [
      {
        delayMinutes: 0,
        channel: 'email',
        subject: 'Your class pack at {{studioName}} expires soon',
        body: 'Hi {{firstName}},\n\nYour class pack expires within a week and still has credits on it. Book a class before they run out.',
      },
    ],
  },
  // ---- /Holdings triggers ----
]

/**
 * The platform's automation templates (welcome series, win-back, birthday, credits running low,
 * class pack expiring) and each demo
 * tenant's active copies (a tenant created later gets its copies from the `tenant.created`
 * subscriber). Idempotent: templates by name, copies by (tenant, template).
 */
export const seedMarketingDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!hasCollection(payload, 'automations')) return { created: 0 }
  let created = 0
  const templates: AutomationTemplate[] = []
  for (const data of TEMPLATES) {
    const existing = (
      await payload.find({
        collection: 'automation-templates',
        where: { name: { equals: data.name } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]
    templates.push(
      existing ?? (await payload.create({ collection: 'automation-templates', data, overrideAccess: true })),
    )
    if (!existing) created++
  }
  for (const demo of DEMO_TENANTS) {
    const tenant = (
      await payload.find({ collection: 'tenants', where: { slug: { equals: demo.slug } }, limit: 1, depth: 0 })
    ).docs[0]
    if (!tenant) continue
    for (const t of templates) {
      const copy = await payload.find({
        collection: 'automations',
        where: { and: [{ tenant: { equals: tenant.id } }, { template: { equals: t.id } }] },
        limit: 1,
        depth: 0,
      })
      if (copy.docs.length > 0) continue
      await payload.create({
        collection: 'automations',
        overrideAccess: true,
        data: {
          tenant: tenant.id,
          template: t.id,
          name: t.name,
          triggerEvent: t.triggerEvent,
          triggerDays: t.triggerDays,
          triggerThreshold: t.triggerThreshold, // Holdings triggers
          triggerCondition: t.triggerCondition,
          purpose: t.purpose,
          status: 'active',
          cooldownDays: t.cooldownDays,
          steps: (t.steps ?? []).map(({ delayMinutes, channel, subject, body }) => ({
            delayMinutes,
            channel,
            subject,
            body,
          })),
        },
      })
      created++
    }
  }
  return { created }
}
