import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import type { User } from '@/payload-types'
import { withQuery } from './forms'
import { href, payloadInstance, type Site } from './site'
import type { VisitorKind } from './VisitorState'

export type Membership = { id: string; status: string; roles: string[]; stripeCustomerId: string | null }
export type Visitor = {
  user: User
  membership: Membership | null
}

/**
 * The request's headers for Payload's cookie auth. Payload (and the kernel's session strategy)
 * ignore the session cookie on requests whose Origin is not in `csrf` — the platform's own
 * origin only, so form posts on a tenant's own host would never be signed in. A request whose
 * Origin is the very host it was sent to is same-origin (and Next has already checked that for
 * server actions), so it is presented as such; any other Origin is passed on and refused as before.
 */
const authHeaders = async (): Promise<Headers> => {
  const incoming = new Headers(await headers())
  const origin = incoming.get('origin')
  const host = incoming.get('x-forwarded-host') ?? incoming.get('host')
  if (origin && host) {
    let originHost: string | null = null
    try {
      originHost = new URL(origin).host
    } catch {
      originHost = null
    }
    if (originHost === host) {
      incoming.delete('origin')
      incoming.set('sec-fetch-site', 'same-origin')
    }
  }
  return incoming
}

/**
 * The signed-in visitor of a request with these headers (Payload's own auth on its cookie or
 * header) and their membership of this tenant, read with their own access. Null when nobody is
 * signed in.
 */
export const readVisitor = async (site: Site, requestHeaders: Headers): Promise<Visitor | null> => {
  const payload = await payloadInstance()
  const { user } = await payload.auth({ headers: requestHeaders })
  if (!user || user.collection !== 'users') return null
  const { docs } = await payload.find({
    collection: 'tenant-memberships',
    where: { and: [{ tenant: { equals: site.tenant.id } }, { user: { equals: user.id } }] },
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user,
    select: { status: true, roles: true, stripeCustomerId: true },
  })
  const row = docs[0] as { id: string; status: string; roles?: string[]; stripeCustomerId?: string | null } | undefined
  return {
    user,
    membership: row
      ? {
          id: String(row.id),
          status: row.status,
          roles: row.roles ?? [],
          stripeCustomerId: row.stripeCustomerId ?? null,
        }
      : null,
  }
}

/** The signed-in visitor of the current request (see `readVisitor`), once per render. */
export const loadVisitor = cache(async (site: Site): Promise<Visitor | null> => readVisitor(site, await authHeaders()))

/** A member who may use the site as a member: an active (or frozen, read-only) membership. */
export const isMember = (visitor: Visitor | null): visitor is Visitor & { membership: Membership } =>
  Boolean(visitor?.membership && ['active', 'frozen'].includes(visitor.membership.status))

/** What the cached pages' `VisitorSwitch` shows for this visitor. */
export const visitorKind = (visitor: Visitor | null): VisitorKind =>
  !visitor ? 'anonymous' : isMember(visitor) ? 'member' : 'visitor'

/** The signed-in member of this site, or a redirect to log in / join and come back to `back`. */
export const memberOrLogin = async (
  site: Site,
  back: string,
): Promise<Visitor & { membership: NonNullable<Visitor['membership']> }> => {
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(withQuery(href(site, '/login'), { next: back }))
  if (!isMember(visitor)) redirect(withQuery(href(site, '/join'), { next: back }))
  return visitor
}
