import type { Payload, Where } from 'payload'
import { hasCollection } from '../src/core/features/hasCollection'
import { DEMO_TENANTS, demoEmail } from './demoTenants'

type LeadSeed = {
  email: string
  name: string
  status: 'new' | 'contacted' | 'qualified' | 'trial' | 'converted' | 'lost'
  source: 'website_form' | 'tour' | 'walk_in' | 'referral' | 'event_rsvp'
  tags?: string[]
  value?: number
}

/** sunrise-yoga's pipeline: leads at every stage, some from its website forms. */
const LEADS: LeadSeed[] = [
  { email: 'lena.park@example.com', name: 'Lena Park', status: 'new', source: 'website_form', tags: ['trial class'] },
  { email: 'omar.haddad@example.com', name: 'Omar Haddad', status: 'new', source: 'website_form', tags: ['contact'] },
  { email: 'grace.liu@example.com', name: 'Grace Liu', status: 'contacted', source: 'tour' },
  { email: 'david.okafor@example.com', name: 'David Okafor', status: 'contacted', source: 'referral' },
  { email: 'sofia.marin@example.com', name: 'Sofia Marin', status: 'qualified', source: 'website_form', value: 12900 },
  { email: 'tom.becker@example.com', name: 'Tom Becker', status: 'trial', source: 'walk_in', value: 9900 },
  { email: 'hana.sato@example.com', name: 'Hana Sato', status: 'lost', source: 'event_rsvp', tags: ['price'] },
  { email: 'ravi.kumar@example.com', name: 'Ravi Kumar', status: 'trial', source: 'website_form', value: 12900 },
]

/** Each tenant's banner (sent, shown from now for a month). */
const BANNERS: Record<string, { title: string; body: string }> = {
  'sunrise-yoga': {
    title: 'New: Sunday sunrise flow',
    body: 'A 7 am class every Sunday from this month. Book on the schedule.',
  },
  'fairway-club': { title: 'Winter bay hours', body: 'Bays open from 6 am on weekdays through March.' },
  'peak-coaching': { title: 'Spring coaching plans', body: 'Twelve-week plans open for booking now.' },
}

const first = async (
  payload: Payload,
  collection: 'leads' | 'deals' | 'member-notes' | 'announcements',
  where: Where,
) => (await payload.find({ collection, where, limit: 1, depth: 0, pagination: false, trash: true })).docs[0]

const membershipOf = async (payload: Payload, tenant: string, email: string): Promise<string | null> => {
  const users = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0 })
  const user = users.docs[0]
  if (!user) return null
  const found = await payload.find({
    collection: 'tenant-memberships',
    where: { and: [{ tenant: { equals: tenant } }, { user: { equals: user.id } }] },
    limit: 1,
    depth: 0,
  })
  return found.docs[0] ? String(found.docs[0].id) : null
}

/**
 * Marketing's CRM demo (idempotent): sunrise-yoga gets eight leads across its pipeline, two deals
 * and a few staff notes on members; every demo tenant gets one current banner announcement.
 */
export const seedCrmDemo = async (payload: Payload): Promise<{ created: number }> => {
  if (!hasCollection(payload, 'leads')) return { created: 0 }
  let created = 0
  for (const demo of DEMO_TENANTS) {
    const tenant = (
      await payload.find({ collection: 'tenants', where: { slug: { equals: demo.slug } }, limit: 1, depth: 0 })
    ).docs[0]
    if (!tenant) continue
    const tenantId = String(tenant.id)
    const own = (where: Where): Where => ({ and: [{ tenant: { equals: tenantId } }, where] })

    const banner = BANNERS[demo.slug] ?? {
      title: `Welcome to ${demo.name}`,
      body: 'See the schedule for this week’s classes.',
    }
    if (!(await first(payload, 'announcements', own({ title: { equals: banner.title } })))) {
      const now = Date.now()
      await payload.create({
        collection: 'announcements',
        context: { announcementSystem: true },
        data: {
          tenant: tenantId,
          ...banner,
          priority: 'normal',
          noticeType: 'general',
          showAsBanner: true,
          status: 'sent',
          scheduledAt: new Date(now).toISOString(),
          sentAt: new Date(now).toISOString(),
          startsAt: new Date(now - 60_000).toISOString(),
          endsAt: new Date(now + 30 * 86_400_000).toISOString(),
        },
      })
      created++
    }

    if (demo.slug !== 'sunrise-yoga') continue
    const owner = await membershipOf(payload, tenantId, demoEmail(demo.slug, 'owner'))
    const desk = await membershipOf(payload, tenantId, demoEmail(demo.slug, 'frontdesk'))
    const leadIds: Record<string, string> = {}
    for (const [i, lead] of LEADS.entries()) {
      const existing = await first(payload, 'leads', own({ email: { equals: lead.email } }))
      if (existing) {
        leadIds[lead.email] = String(existing.id)
        continue
      }
      const doc = await payload.create({
        collection: 'leads',
        data: {
          tenant: tenantId,
          ...lead,
          owner: i % 2 ? owner : desk,
          lastContactedAt: lead.status === 'new' ? null : new Date(Date.now() - (i + 1) * 86_400_000).toISOString(),
        },
      })
      leadIds[lead.email] = String(doc.id)
      created++
    }

    const maya = await membershipOf(payload, tenantId, demoEmail(demo.slug, 'member1'))
    const deals = [
      {
        name: 'Annual unlimited — Sofia Marin',
        lead: leadIds['sofia.marin@example.com'],
        stage: 'proposal' as const,
        amount: 129000,
      },
      ...(maya
        ? [{ name: 'Teacher training — Maya', member: maya, stage: 'negotiation' as const, amount: 240000 }]
        : []),
    ]
    for (const deal of deals) {
      if (await first(payload, 'deals', own({ name: { equals: deal.name } }))) continue
      await payload.create({
        collection: 'deals',
        data: {
          tenant: tenantId,
          name: deal.name,
          stage: deal.stage,
          ...('lead' in deal ? { lead: deal.lead } : { member: deal.member }),
          amount: { amount: deal.amount, currency: demo.currency },
          closeDate: new Date(Date.now() + 14 * 86_400_000).toISOString(),
          lineItems: [
            {
              productName: deal.name.split(' — ')[0],
              quantity: 1,
              amount: { amount: deal.amount, currency: demo.currency },
            },
          ],
        },
      })
      created++
    }

    const notes = [
      {
        member: maya,
        note: 'Prefers the Riverside studio; asked about teacher training.',
        visibility: 'staff' as const,
        pinned: true,
      },
      {
        member: maya,
        note: 'Recovering from a wrist sprain: offer blocks in arm balances.',
        visibility: 'instructors' as const,
        pinned: false,
      },
      {
        member: await membershipOf(payload, tenantId, demoEmail(demo.slug, 'member2')),
        note: 'Paid the March invoice at the desk in cash.',
        visibility: 'staff' as const,
        pinned: false,
      },
    ]
    for (const note of notes) {
      if (!note.member) continue
      if (await first(payload, 'member-notes', own({ note: { equals: note.note } }))) continue
      await payload.create({
        collection: 'member-notes',
        data: { tenant: tenantId, ...note, member: note.member, author: desk },
      })
      created++
    }
  }
  return { created }
}
