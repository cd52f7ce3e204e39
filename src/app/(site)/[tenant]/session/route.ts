import { loadSite } from '../_lib/site'
import { loadVisitor, visitorKind } from '../_lib/visitor'

type Context = { params: Promise<{ tenant: string }> }

/**
 * `GET /<slug>/session`: who is signed in on this site (`anonymous`, `visitor` or `member`), for
 * the cached pages' `VisitorProvider`. Private to the caller, never cached.
 */
export async function GET(_request: Request, { params }: Context) {
  const site = await loadSite((await params).tenant)
  if (!site) return Response.json({ error: 'not_found' }, { status: 404 })
  const visitor = site.open ? await loadVisitor(site) : null
  return Response.json({ visitor: visitorKind(visitor) }, { headers: { 'cache-control': 'private, no-store' } })
}
