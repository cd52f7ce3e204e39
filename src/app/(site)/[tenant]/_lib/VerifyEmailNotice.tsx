import { ResendVerificationButton } from './ResendVerificationButton'
import { payloadInstance, type Site } from './site'
import type { Visitor } from './visitor'

/**
 * The account's "Verify your e-mail" notice, shown while the signed-in person's address is not
 * verified (`users.emailVerifiedAt`, read with their own access), with a button that mails a new
 * link. Nothing when verified.
 */
export const VerifyEmailNotice = async ({ site, visitor }: { site: Site; visitor: Visitor }) => {
  const payload = await payloadInstance()
  const me = await payload.findByID({
    collection: 'users',
    id: visitor.user.id,
    depth: 0,
    overrideAccess: false,
    user: visitor.user,
    select: { email: true, emailVerifiedAt: true },
  })
  if (me.emailVerifiedAt) return null
  return (
    <section aria-labelledby="verify-email-title" className="panel verify-email">
      <h2 id="verify-email-title">Verify your e-mail</h2>
      <p>
        We sent a link to <strong>{me.email}</strong>. Open it to confirm that the address is yours: courses and content
        can be bought once it is verified.
      </p>
      <ResendVerificationButton site={site.key} />
    </section>
  )
}
