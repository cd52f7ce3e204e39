import { loadSite } from '../_lib/site'
import { myNotifications } from '../_lib/notifications'
import { isMember, loadVisitor, visitorKind } from '../_lib/visitor'

type Context = { params: Promise<{ tenant: string }> }

/**
 * `GET /<slug>/session`: who is signed in on this site (`anonymous`, `visitor` or `member`) and,
 * for a member, how many of their notifications are unread, for the cached pages'
 * `VisitorProvider`. Private to the caller, never cached.
 */
export async function GET(_request: Request, { params }: Context) {
  const site = await loadSite((await params).tenant)
  if (!site) return Response.json({ error: 'not_found' }, { status: 404 })
  const visitor = site.open ? await loadVisitor(site) : null
  const unread = isMember(visitor) ? ((await myNotifications(site, visitor))?.unread ?? 0) : 0
  return Response.json({ visitor: visitorKind(visitor), unread }, { headers: { 'cache-control': 'private, no-store' } })
}
