import { renderToStaticMarkup } from 'react-dom/server'
import type { ReactNode } from 'react'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { SITE_STALE_SECONDS } from '@/core'
import { twoTenants, useTestApp } from '@/core/testing'

/**
 * Next's cache as `next start` keeps it, in this process: `unstable_cache` entries and rendered
 * pages, each with its tags (a page carries the tags of the cached calls made while it rendered),
 * dropped by `revalidateTag`. Outside `next start` the real one has no store to work with.
 */
const nextCache = vi.hoisted(() => {
  type Entry = { value: unknown; tags: Set<string> }
  const data = new Map<string, Entry>()
  const pages = new Map<string, Entry>()
  const revalidated: { tag: string; expire?: number }[] = []
  let rendering: Set<string> | null = null
  return {
    data,
    pages,
    revalidated,
    unstable_cache:
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>, keyParts: string[], options: { tags?: string[] } = {}) =>
      async (...args: A): Promise<R> => {
        const key = JSON.stringify([fn.toString(), keyParts, args])
        for (const tag of options.tags ?? []) rendering?.add(tag)
        const hit = data.get(key)
        if (hit) return structuredClone(hit.value) as R
        const value = await fn(...args)
        data.set(key, { value: structuredClone(value), tags: new Set(options.tags) })
        return value
      },
    revalidateTag: (tag: string, profile: { expire?: number }) => {
      revalidated.push({ tag, expire: profile.expire })
      for (const store of [data, pages]) for (const [key, entry] of store) if (entry.tags.has(tag)) store.delete(key)
    },
    /** A page as the server answers it: from the cache, else rendered once and kept with its tags. */
    page: async (path: string, render: () => Promise<string>): Promise<string> => {
      const hit = pages.get(path)
      if (hit) return hit.value as string
      rendering = new Set()
      try {
        const html = await render()
        pages.set(path, { value: html, tags: rendering })
        return html
      } finally {
        rendering = null
      }
    },
  }
})
vi.mock('next/cache', () => ({ unstable_cache: nextCache.unstable_cache, revalidateTag: nextCache.revalidateTag }))

/**
 * Which variant the `VisitorSwitch`es of a page render (in the browser: who the session says is
 * signed in; the static render shows the signed-out one): a test may look at a member's buy forms.
 */
const visitorAs = vi.hoisted(() => ({ kind: 'anonymous' as 'anonymous' | 'visitor' | 'member' }))
vi.mock('./[tenant]/_lib/VisitorState', async (importOriginal) => {
  const original = await importOriginal<typeof import('./[tenant]/_lib/VisitorState')>()
  const VisitorSwitch = ({ anonymous = null, visitor, member = null }: Parameters<typeof original.VisitorSwitch>[0]) =>
    visitorAs.kind === 'member'
      ? member
      : visitorAs.kind === 'visitor'
        ? visitor === undefined
          ? member
          : visitor
        : anonymous
  return { ...original, VisitorSwitch }
})

const app = useTestApp()
let cast: Awaited<ReturnType<typeof twoTenants>>
let A: string
let slug: string

/** The site's modules, imported once the test app is up (they import `@payload-config`). */
const site = async () => ({
  layout: (await import('./[tenant]/layout')).default,
  home: (await import('./[tenant]/_lib/HomePage')).HomePage,
  schedule: (await import('./[tenant]/schedule/[[...view]]/page')).default,
  pricing: (await import('./[tenant]/pricing/[[...view]]/page')).default,
  loadSite: (await import('./[tenant]/_lib/site')).loadSite,
  visitor: await import('./[tenant]/_lib/visitor'),
})

type Page = (props: { params: Promise<{ tenant: string; view?: string[] }> }) => Promise<ReactNode>

/** `/<slug>/<page>` as a visitor gets it: the layout around the page, no request data at hand. */
const get = async (page: Page, name: string) =>
  nextCache.page(`/${slug}/${name}`, async () => {
    const { layout } = await site()
    const params = Promise.resolve({ tenant: slug })
    return renderToStaticMarkup(await layout({ params, children: await page({ params }) }))
  })

/** The places-left badge of one class row of the schedule page. */
const placesOf = (html: string, classId: string) =>
  html.split(`data-class-id="${classId}"`)[1]?.match(/(\d+) spots? left|Full – waitlist \d+/)?.[0]

const invalidated = (tag: string) => nextCache.revalidated.filter((r) => r.tag === tag)

beforeAll(async () => {
  cast = await twoTenants(app)
  A = String(cast.a.id)
  slug = String(cast.a.slug)
})

describe('the tenant site cache (pages cached with tags, invalidated where the data changes)', () => {
  it('a booking, a class edit and a cancellation re-render the cached schedule with the places left', async () => {
    const { schedule } = await site()
    const klass = (await app.payload.create({
      collection: 'classes',
      data: {
        tenant: A,
        title: 'Cached flow',
        startTime: new Date(Date.now() + 26 * 3_600_000).toISOString(),
        durationMinutes: 60,
        capacity: 3,
        waitlistCapacity: 2,
      } as never,
    })) as unknown as { id: string }

    const before = await get(schedule, 'schedule')
    expect(placesOf(before, klass.id)).toBe('3 spots left')
    // The page carries the tags siteChanged invalidates: the tenant's data and its schedule.
    expect([...nextCache.pages.get(`/${slug}/schedule`)!.tags]).toEqual(
      expect.arrayContaining(['site:tenants', `site:${A}`, `site:${A}:schedule`]),
    )
    expect(await get(schedule, 'schedule')).toBe(before) // served from the cache

    nextCache.revalidated.length = 0
    const booked = await cast.inA.member.client.post(`/api/classes/${klass.id}/book`)
    expect(booked.status).toBe(201)
    expect(invalidated(`site:${A}:schedule`)).toEqual([{ tag: `site:${A}:schedule`, expire: SITE_STALE_SECONDS }])
    expect(placesOf(await get(schedule, 'schedule'), klass.id)).toBe('2 spots left')

    const edited = await cast.inA.owner.client.patch(`/api/classes/${klass.id}`, { capacity: 6 })
    expect(edited.status).toBe(200)
    expect(placesOf(await get(schedule, 'schedule'), klass.id)).toBe('5 spots left')

    const cancelled = await cast.inA.member.client.post(`/api/bookings/${booked.body.booking.id}/cancel`)
    expect(cancelled.status).toBe(200)
    expect(placesOf(await get(schedule, 'schedule'), klass.id)).toBe('6 spots left')
    // Another tenant's pages are left alone.
    expect(nextCache.revalidated.some((r) => r.tag.includes(String(cast.b.id)))).toBe(false)
  })

  it('saving the tenant settings re-renders the home page with the new text at once', async () => {
    const { home: HomePage } = await site()
    const home: Page = async ({ params }) => HomePage({ tenant: (await params).tenant })
    const [settings] = (await app.payload.find({ collection: 'tenant-settings', where: { tenant: { equals: A } } }))
      .docs
    const before = await get(home, '')
    expect(before).not.toContain('Spring timetable is live')

    const saved = await cast.inA.owner.client.patch(`/api/tenant-settings/${settings.id}`, {
      homepage: { heroTitle: 'Spring timetable is live' },
    })
    expect(saved.status).toBe(200)
    expect(invalidated(`site:${A}`)).toContainEqual({ tag: `site:${A}`, expire: 0 })
    expect(await get(home, '')).toContain('Spring timetable is live')
  })

  it('a plan saved by the owner shows on the cached pricing page', async () => {
    const { pricing } = await site()
    expect(await get(pricing, 'pricing')).not.toContain('Cache Club')
    const plan = await cast.inA.owner.client.post('/api/membership-plans', {
      tenant: A,
      name: 'Cache Club',
      active: true,
      prices: [{ key: 'monthly', amount: 4900, currency: 'USD', interval: 'month', intervalCount: 1, active: true }],
    })
    expect(plan.status).toBe(201)
    expect(invalidated(`site:${A}:pricing`).length).toBeGreaterThan(0)
    expect(await get(pricing, 'pricing')).toContain('Cache Club')
  })

  it('an advertised offer shows on its own cached view of pricing (/pricing/offer/<id>) and its code is applied at purchase', async () => {
    const { pricing, loadSite } = await site()
    const zone = (await loadSite(slug))!.tenant.timezone
    const product = await cast.inA.owner.client.post('/api/products', {
      tenant: A,
      name: 'Offer pass',
      slug: 'offer-pass',
      kind: 'day_pass',
      price: { amount: 2000, currency: 'USD' },
    })
    expect(product.status, JSON.stringify(product.body)).toBe(201)
    const endsAt = '2031-01-31T23:00:00.000Z'
    const made = await cast.inA.owner.client.post('/api/coupons', {
      tenant: A,
      code: 'NEWYEAR25',
      name: 'New year: 25 % off passes',
      type: 'percent',
      value: 25,
      maxUses: 1,
      advertise: true,
      startsAt: new Date(Date.now() - 86_400_000).toISOString(),
      expiresAt: endsAt,
      offerDescription: 'A quarter off any pass until the end of January.',
      offerTerms: 'One per member.',
    })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const id = String(made.body.doc.id)
    // As a member sees it (the buy forms), cached under its own key here.
    const offerView = (offer: string) =>
      nextCache.page(`/${slug}/pricing/offer/${offer}#member`, async () => {
        const { layout } = await site()
        const params = Promise.resolve({ tenant: slug, view: ['offer', offer] })
        return renderToStaticMarkup(await layout({ params, children: await pricing({ params }) }))
      })

    visitorAs.kind = 'member'
    const html = await offerView(id).finally(() => void (visitorAs.kind = 'anonymous'))
    expect(html).toContain('New year: 25 % off passes')
    expect(html).toContain('A quarter off any pass until the end of January.')
    expect(html).toContain('Terms: One per member.')
    const until = new Intl.DateTimeFormat('en-US', { timeZone: zone, month: 'long', day: 'numeric' }).format(
      new Date(endsAt),
    )
    expect(html).toContain(until) // the end in the tenant's zone
    expect(html).toContain('name="coupon" value="NEWYEAR25"')
    expect(html).toContain(`name="offer" value="${id}"`)
    expect(await offerView(id)).toBe(html) // cached
    const plain = await get(pricing, 'pricing')
    expect(plain).not.toContain('NEWYEAR25') // everyone else's pricing page: no offer, still cached
    expect(await get(pricing, 'pricing')).toBe(plain)

    // An unknown offer: a polite notice, the prices as usual.
    const unknown = await offerView('00000000-0000-4000-8000-000000000000')
    expect(unknown).toContain('This offer is not available any more')
    expect(unknown).toContain('Offer pass')

    // The code travels to commerce's coupon path with the purchase (the form's body, as the buy action sends it).
    const { purchaseBody } = await import('./[tenant]/_lib/onlinePurchase')
    const reserved = await cast.inA.member.client.post('/api/orders/reserve', {
      tenant: A,
      ...purchaseBody({ product: String(product.body.doc.id), quantity: 1, coupon: 'NEWYEAR25' }),
    })
    expect(reserved.status, JSON.stringify(reserved.body)).toBe(201)
    expect(reserved.body.order).toMatchObject({ total: 1500 })
    // Its only use is spent: the offer's view is dropped and says so now.
    expect(invalidated(`site:${A}:pricing`).length).toBeGreaterThan(0)
    expect(await offerView(id)).toContain('This offer is not available any more')
  })

  it("keeps members' data out of the shared pages: one cached page for two members, each told only who they are", async () => {
    const { pricing, loadSite, visitor } = await site()
    // The cached pages render with no request at hand: reading cookies or headers here throws.
    const { cookies } = await import('next/headers')
    expect(() => cookies()).toThrow(/outside a request scope/)
    const page = await get(pricing, 'pricing')
    expect(page).toContain('Log in to buy')
    const members = await app.payload.find({
      collection: 'users',
      where: { id: { in: [cast.inA.member.userId, cast.inB.member.userId] } },
      depth: 0,
    })
    for (const user of members.docs) {
      expect(page).not.toContain(user.email)
      if (user.name) expect(page).not.toContain(user.name)
    }
    expect(await get(pricing, 'pricing')).toBe(page)

    // Who is signed in comes from the small /<slug>/session request, per caller.
    const tokenOf = async (email: string) =>
      (await app.http().post('/api/users/login', { email, password: 'correct-horse-battery-staple' })).body
        .token as string
    const asCaller = async (email?: string) =>
      visitor.visitorKind(
        await visitor.readVisitor(
          (await loadSite(slug))!,
          new Headers(email ? { authorization: `JWT ${await tokenOf(email)}` } : {}),
        ),
      )
    const [memberOfA, memberOfB] = [cast.inA.member.userId, cast.inB.member.userId].map(
      (id) => members.docs.find((u) => String(u.id) === id)!.email,
    )
    expect(await asCaller(memberOfA)).toBe('member')
    expect(await asCaller(memberOfB)).toBe('visitor') // signed in, not a member of this tenant
    expect(await asCaller()).toBe('anonymous')
  })
})
