import type { Metadata } from 'next'
import { requestPasswordReset } from '../_lib/actions'
import { Flash } from '../_lib/Flash'
import { one } from '../_lib/messages'
import type { SitePageProps } from '../_lib/pageProps'
import { href, loadSite } from '../_lib/site'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: 'Reset your password', robots: { index: false } } : {}
}

/** Asks for a reset link by mail (the same answer whether or not the address has an account). */
export default async function ForgotPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const query = await searchParams
  return (
    <section className="auth" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      <Flash
        error={one(query.error)}
        success={
          query.sent ? 'If an account uses that address, we have sent it a link to choose a new password.' : null
        }
      />
      <form action={requestPasswordReset} className="stack">
        <input type="hidden" name="site" value={site.key} />
        <div className="field">
          <label htmlFor="forgot-email">Email</label>
          <input id="forgot-email" name="email" type="email" autoComplete="email" required />
        </div>
        <button type="submit" className="button">
          Send me a link
        </button>
      </form>
      <p>
        <a href={href(site, '/login')}>Back to log in</a>
      </p>
    </section>
  )
}
