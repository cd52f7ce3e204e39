import type { Metadata } from 'next'
import { resetPassword } from '../_lib/actions'
import { Flash } from '../_lib/Flash'
import { one } from '../_lib/messages'
import type { SitePageProps } from '../_lib/pageProps'
import { href, loadSite } from '../_lib/site'

export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: 'Choose a new password', robots: { index: false }, referrer: 'no-referrer' } : {}
}

/** Sets a new password with the token from the reset mail, then signs the person in. */
export default async function ResetPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const query = await searchParams
  const token = one(query.token)
  return (
    <section className="auth" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <Flash error={one(query.error)} />
      {token ? (
        <form action={resetPassword} className="stack">
          <input type="hidden" name="site" value={site.key} />
          <input type="hidden" name="token" value={token} />
          <div className="field">
            <label htmlFor="reset-password">New password</label>
            <input
              id="reset-password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              aria-describedby="reset-hint"
            />
            <span id="reset-hint" className="hint">
              At least 8 characters.
            </span>
          </div>
          <button type="submit" className="button">
            Save the new password
          </button>
        </form>
      ) : (
        <p>
          This page needs the link from the reset mail. <a href={href(site, '/forgot')}>Ask for a new link</a>.
        </p>
      )}
    </section>
  )
}
