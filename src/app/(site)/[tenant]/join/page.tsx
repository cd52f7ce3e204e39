import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { join } from '../_lib/actions'
import { Flash } from '../_lib/Flash'
import { one } from '../_lib/messages'
import type { SitePageProps } from '../_lib/pageProps'
import { href, loadSite } from '../_lib/site'
import { loadVisitor } from '../_lib/visitor'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: `Join ${site.name}`, robots: { index: false } } : {}
}

/** A signed-in person without a membership here (an account of another tenant) joins this tenant. */
export default async function JoinPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const query = await searchParams
  const next = one(query.next)
  const visitor = await loadVisitor(site)
  if (!visitor) redirect(`${href(site, '/login')}?${new URLSearchParams({ next })}`)
  if (visitor.membership && visitor.membership.status !== 'invited' && !query.error) redirect(href(site, '/account'))
  return (
    <section className="auth" aria-labelledby="join-title">
      <h1 id="join-title">Join {site.name}</h1>
      <Flash error={one(query.error)} />
      <p>
        You are signed in as <strong>{visitor.user.email}</strong>, but not yet a member of {site.name}. Join to book
        classes here with the same account.
      </p>
      <form action={join}>
        <input type="hidden" name="site" value={site.key} />
        <input type="hidden" name="next" value={next} />
        <button type="submit" className="button">
          Join {site.name}
        </button>
      </form>
    </section>
  )
}
