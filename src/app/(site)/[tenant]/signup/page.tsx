import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { signup } from '../_lib/actions'
import { Flash } from '../_lib/Flash'
import { one } from '../_lib/messages'
import type { SitePageProps } from '../_lib/pageProps'
import { href, loadSite } from '../_lib/site'
import { loadVisitor } from '../_lib/visitor'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: 'Sign up', description: `Create your ${site.name} account to book classes.` } : {}
}

/** Create an account and become a member of this tenant in one step. */
export default async function SignupPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const query = await searchParams
  const next = one(query.next)
  const visitor = await loadVisitor(site)
  if (visitor)
    redirect(visitor.membership ? href(site, '/account') : `${href(site, '/join')}?${new URLSearchParams({ next })}`)
  return (
    <section className="auth" aria-labelledby="signup-title">
      <h1 id="signup-title">Join {site.name}</h1>
      <p className="muted">Create your account to book classes and manage your membership.</p>
      <Flash error={one(query.error)} />
      <form action={signup} className="stack">
        <input type="hidden" name="site" value={site.key} />
        <input type="hidden" name="next" value={next} />
        <div className="field">
          <label htmlFor="signup-name">Your name</label>
          <input id="signup-name" name="name" type="text" autoComplete="name" required maxLength={120} />
        </div>
        <div className="field">
          <label htmlFor="signup-email">Email</label>
          <input id="signup-email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field">
          <label htmlFor="signup-password">Password</label>
          <input
            id="signup-password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            aria-describedby="signup-password-hint"
          />
          <span id="signup-password-hint" className="hint">
            At least 8 characters.
          </span>
        </div>
        <button type="submit" className="button">
          Create account
        </button>
      </form>
      <p>
        Already have an account (here or at another studio on Atrium)?{' '}
        <a href={`${href(site, '/login')}${next ? `?${new URLSearchParams({ next })}` : ''}`}>Log in</a>
      </p>
    </section>
  )
}
