import type { Metadata } from 'next'
import { one } from '../_lib/messages'
import type { SitePageProps } from '../_lib/pageProps'
import { href, loadSite } from '../_lib/site'
import { confirmEmail } from '../_lib/verifyEmail'

/** Confirms the address of the link it is opened with: per request, never cached. */
export const dynamic = 'force-dynamic'

export async function generateMetadata({ params }: SitePageProps): Promise<Metadata> {
  const site = await loadSite((await params).tenant)
  return site ? { title: 'Verify your e-mail', robots: { index: false } } : {}
}

/**
 * The page of the verification mail's link (`/verify-email?token=…`): it confirms the address
 * through the kernel's `POST /api/users/verify-email` (once; opening it again says it is already
 * verified) and says what happened: verified, already verified, expired (ask for a new link from
 * the account) or not valid.
 */
export default async function VerifyEmailPage({ params, searchParams }: SitePageProps) {
  const site = await loadSite((await params).tenant)
  if (!site || !site.open) return null
  const token = one((await searchParams).token).slice(0, 2048)
  const answer = token ? await confirmEmail(token) : null
  const account = href(site, '/account')
  return (
    <section className="auth" aria-labelledby="verify-title">
      <h1 id="verify-title">Verify your e-mail</h1>
      {answer?.ok ? (
        <>
          <p className="flash flash-ok" role="status">
            {answer.body.alreadyVerified
              ? `Your e-mail address ${answer.body.email ?? ''} is already verified.`
              : `Thank you: your e-mail address ${answer.body.email ?? ''} is verified.`}
          </p>
          <p>
            <a href={href(site, '/courses')}>See the courses</a> · <a href={account}>Your account</a>
          </p>
        </>
      ) : (
        <>
          <p className="flash flash-error" role="alert">
            {answer?.body.message ??
              'This verification link is not valid. Open the whole link from the e-mail, or ask for a new one from your account page.'}
          </p>
          <p>
            <a href={account}>Send a new link from your account</a>
          </p>
        </>
      )}
    </section>
  )
}
