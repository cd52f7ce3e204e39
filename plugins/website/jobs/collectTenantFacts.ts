import type { Payload } from 'payload'
import { formatMoney, hasCollection, idOf, isCurrency, toWallTime } from '@/core'
import type { TenantFacts } from '../writer/types'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Mon 7 Dec, 07:00" in a zone. */
const when = (iso: string, zone: string) => {
  const instant = new Date(iso)
  const w = toWallTime(instant, zone)
  const weekday = DAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]
  return `${weekday} ${w.day} ${MONTHS[w.month - 1]}, ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
}

const price = (value: { amount?: number | null; currency?: string | null } | null | undefined) =>
  value && typeof value.amount === 'number' && isCurrency(value.currency)
    ? formatMoney({ amount: value.amount, currency: value.currency })
    : null

type Named = { name?: string | null; profile?: { displayName?: string | null } | null; user?: unknown }
const personName = (m: Named | string | null | undefined): string | null => {
  if (!m || typeof m !== 'object') return null
  const user = m.user && typeof m.user === 'object' ? (m.user as { name?: string | null }) : null
  return m.profile?.displayName || user?.name || null
}

/**
 * What a tenant has, read from its own rows only (every query is `tenant = <id>`): locations and
 * addresses, the next two weeks of classes and who teaches them, instructors, upcoming events,
 * published courses, prices (membership plans, packs) and images, with the tenant-site pages each
 * links to. A plugin that is not installed contributes nothing. A job's read (system access).
 */
export const collectTenantFacts = async (
  payload: Payload,
  { tenant, location = null, now = new Date() }: { tenant: string; location?: string | null; now?: Date },
): Promise<TenantFacts> => {
  const t = await payload.findByID({ collection: 'tenants', id: tenant, depth: 0, overrideAccess: true })
  const base = `/${t.slug}`
  const own = { tenant: { equals: tenant } }
  const locations = (
    await payload.find({
      collection: 'locations',
      where: { and: [own, { isActive: { not_equals: false } }] },
      depth: 0,
      limit: 20,
      pagination: false,
      overrideAccess: true,
    })
  ).docs.map((l) => {
    const a = l.address ?? {}
    const address = [a.line1, a.line2, a.city, [a.region, a.postalCode].filter(Boolean).join(' '), a.country]
      .filter(Boolean)
      .join(', ')
    return {
      id: String(l.id),
      name: l.name,
      city: a.city ?? null,
      region: a.region ?? null,
      address: address || null,
      zone: l.timezone,
    }
  })
  const locationName = new Map(locations.map((l) => [l.id, l.name]))
  const facts: TenantFacts = {
    tenant: { id: tenant, slug: t.slug, name: t.name, timezone: t.timezone },
    focusLocation: location && locationName.has(location) ? location : null,
    locations: locations.map(({ zone: _zone, ...l }) => l),
    classes: [],
    instructors: [],
    events: [],
    courses: [],
    prices: [],
    media: [],
    links: [],
  }
  const teaching = new Set<string>()
  if (hasCollection(payload, 'classes')) {
    const classes = await payload.find({
      collection: 'classes',
      where: {
        and: [
          own,
          { status: { equals: 'scheduled' } },
          { startTime: { greater_than_equal: now.toISOString() } },
          { startTime: { less_than: new Date(now.getTime() + 14 * 86_400_000).toISOString() } },
          ...(facts.focusLocation ? [{ location: { equals: facts.focusLocation } }] : []),
        ],
      },
      sort: 'startTime',
      depth: 2,
      limit: 60,
      overrideAccess: true,
    })
    const seen = new Set<string>()
    for (const c of classes.docs) {
      if (seen.has(c.title)) continue
      seen.add(c.title)
      const instructor = personName(c.instructor as Named | null)
      if (instructor) teaching.add(instructor)
      facts.classes.push({
        title: c.title,
        when: when(c.startTime, c.timezone || t.timezone),
        location: locationName.get(idOf(c.location) ?? '') ?? null,
        instructor,
        href: `${base}/classes/${c.id}`,
      })
      if (facts.classes.length >= 8) break
    }
  }
  const instructors = await payload.find({
    collection: 'tenant-memberships',
    where: { and: [own, { roles: { in: ['instructor', 'coach'] } }, { status: { equals: 'active' } }] },
    depth: 1,
    limit: 10,
    overrideAccess: true,
  })
  for (const m of instructors.docs) {
    const name = personName(m as Named)
    if (!name) continue
    const user = m.user && typeof m.user === 'object' ? (m.user as { bio?: string | null }) : null
    facts.instructors.push({ name, bio: user?.bio ?? null })
  }
  for (const name of teaching)
    if (!facts.instructors.some((i) => i.name === name)) facts.instructors.push({ name, bio: null })
  if (hasCollection(payload, 'events')) {
    const events = await payload.find({
      collection: 'events',
      where: {
        and: [own, { status: { equals: 'published' } }, { startTime: { greater_than_equal: now.toISOString() } }],
      },
      sort: 'startTime',
      depth: 0,
      limit: 5,
      overrideAccess: true,
    })
    for (const e of events.docs)
      facts.events.push({
        title: e.title,
        when: when(e.startTime, e.timezone || t.timezone),
        description: e.description ? e.description.slice(0, 200) : null,
        href: `${base}/events/${e.id}`,
      })
  }
  if (hasCollection(payload, 'courses')) {
    const courses = await payload.find({
      collection: 'courses',
      where: { and: [own, { _status: { equals: 'published' } }] },
      depth: 0,
      limit: 5,
      overrideAccess: true,
    })
    for (const c of courses.docs)
      facts.courses.push({
        title: c.title,
        description: c.description ? c.description.slice(0, 200) : null,
        price: c.price?.amount ? price(c.price) : 'free',
        href: `${base}/courses/${c.slug}`,
      })
  }
  if (hasCollection(payload, 'membership-plans')) {
    const plans = await payload.find({
      collection: 'membership-plans',
      where: { and: [own, { active: { not_equals: false } }] },
      depth: 0,
      limit: 6,
      overrideAccess: true,
    })
    for (const plan of plans.docs) {
      const p = (plan.prices ?? []).find((x) => x.active !== false)
      const amount = p ? price(p) : null
      if (!p || !amount) continue
      const every =
        p.interval === 'one_time'
          ? ''
          : ` per ${p.intervalCount > 1 ? `${p.intervalCount} ${p.interval}s` : p.interval}`
      facts.prices.push({ name: plan.name, price: `${amount}${every}` })
    }
  }
  if (hasCollection(payload, 'products')) {
    const products = await payload.find({
      collection: 'products',
      where: { and: [own, { isActive: { not_equals: false } }, { kind: { in: ['credit_pack', 'day_pass'] } }] },
      depth: 0,
      limit: 6,
      overrideAccess: true,
    })
    for (const product of products.docs) {
      const amount = price(product.price)
      if (amount) facts.prices.push({ name: product.name, price: amount })
    }
  }
  const media = await payload.find({
    collection: 'media',
    where: { and: [own, { mimeType: { like: 'image/' } }, { visibility: { equals: 'public' } }] },
    depth: 0,
    limit: 5,
    overrideAccess: true,
  })
  facts.media = media.docs.map((m) => ({ id: String(m.id), alt: m.alt ?? null }))

  if (facts.classes.length) facts.links.push({ label: 'Schedule', href: `${base}/schedule` })
  if (facts.prices.length) facts.links.push({ label: 'Pricing', href: `${base}/pricing` })
  for (const c of facts.classes) facts.links.push({ label: c.title, href: c.href })
  for (const e of facts.events) facts.links.push({ label: e.title, href: e.href })
  for (const c of facts.courses) facts.links.push({ label: c.title, href: c.href })
  return facts
}
