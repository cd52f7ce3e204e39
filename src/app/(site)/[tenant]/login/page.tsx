import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { login } from '../_lib/actions'
import { Flash } from '../_lib/Flash'
import { one } from '../_lib/messages'
import type { SitePageProps } from '../_lib/pageProps'
import { href, loadSite } from '../_lib/site'
import { loadVisitor } from '../_lib/visitor'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: 'Log in', description: `Log in to your ${site.name} account.`, robots: { index: false } } : {}
}

/** Log in with email and password (an HTML form posting to a server action). */
export default async function LoginPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const query = await searchParams
  const next = one(query.next)
  if (await loadVisitor(site)) redirect(href(site, '/account'))
  return (
    <section className="auth" aria-labelledby="login-title">
      <h1 id="login-title">Log in to {site.name}</h1>
      <Flash
        error={one(query.error)}
        success={query.reset ? 'Your password was changed. Log in with the new one.' : null}
      />
      <form action={login} className="stack">
        <input type="hidden" name="site" value={site.key} />
        <input type="hidden" name="next" value={next} />
        <div className="field">
          <label htmlFor="login-email">Email</label>
          <input id="login-email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field">
          <label htmlFor="login-password">Password</label>
          <input id="login-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" className="button">
          Log in
        </button>
      </form>
      <p>
        <a href={href(site, '/forgot')}>Forgot your password?</a>
      </p>
      <p>
        New here?{' '}
        <a href={`${href(site, '/signup')}${next ? `?${new URLSearchParams({ next })}` : ''}`}>Create an account</a>
      </p>
    </section>
  )
}
