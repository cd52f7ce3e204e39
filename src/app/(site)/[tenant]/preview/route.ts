import { draftMode } from 'next/headers'
import { NextResponse, type NextRequest } from 'next/server'
import { checkPreview } from '../_lib/preview'
import { href, loadSite } from '../_lib/site'

export const dynamic = 'force-dynamic'

type Context = { params: Promise<{ tenant: string }> }

/**
 * `GET /<slug>/preview?collection=pages|blog-posts&id=<id>`: the admin's live preview opens this in
 * its iframe. Staff of the tenant get Next's draft mode and a redirect to the document's site page,
 * which then renders its latest draft; anyone else gets 401 / 403, another tenant's document 404.
 * `?exit=1` leaves draft mode.
 */
export async function GET(request: NextRequest, { params }: Context) {
  const site = await loadSite((await params).tenant)
  if (!site) return NextResponse.json({ error: 'No such site.' }, { status: 404 })
  const query = request.nextUrl.searchParams
  if (query.get('exit')) {
    ;(await draftMode()).disable()
    return NextResponse.redirect(new URL(href(site), request.nextUrl), 303)
  }
  const check = await checkPreview(site, request.headers, query)
  if (!check.ok) return NextResponse.json({ error: check.message }, { status: check.status })
  ;(await draftMode()).enable()
  const response = NextResponse.redirect(new URL(href(site, check.path), request.nextUrl), 307)
  response.headers.set('cache-control', 'no-store')
  return response
}
