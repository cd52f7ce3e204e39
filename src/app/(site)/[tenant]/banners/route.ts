import type { SiteBannersReply } from '@plugins/marketing/contract'
import { callEndpoint } from '../_lib/callEndpoint'
import { loadSite } from '../_lib/site'
import { loadVisitor } from '../_lib/visitor'

type Context = { params: Promise<{ tenant: string }> }

const NONE: SiteBannersReply = { banners: [], canDismiss: false }

/**
 * `GET /<slug>/banners`: the tenant's current banner announcements the signed-in member has not
 * dismissed (marketing's `GET /api/announcements/banners`, called as the visitor), for the cached
 * pages' `SiteBanners`. Private to the caller, never cached; none when marketing is not installed.
 */
export async function GET(_request: Request, { params }: Context) {
  const site = await loadSite((await params).tenant)
  if (!site) return Response.json({ error: 'not_found' }, { status: 404 })
  const visitor = site.open ? await loadVisitor(site) : null
  const answer = await callEndpoint<SiteBannersReply>({
    collection: 'announcements',
    path: '/banners',
    method: 'get',
    query: { tenant: site.tenant.id },
    user: visitor?.user ?? null,
  })
  const reply: SiteBannersReply = answer.ok
    ? { banners: answer.body.banners, canDismiss: answer.body.canDismiss }
    : NONE
  return Response.json(reply, { headers: { 'cache-control': 'private, no-store' } })
}
