'use server'

import { callEndpoint } from './callEndpoint'
import { siteOf } from './forms'
import { errorMessage } from './messages'
import { loadVisitor } from './visitor'
import { addressHeaders } from './verifyEmail'

/** What the resend button shows after a try. */
export type ResendVerificationState = { status: 'idle' | 'sent' | 'error'; message: string }

/**
 * The account's "Send a new link" button: `POST /api/users/verify-email/request` as the signed-in
 * member, for this site's link, with the visitor's address (the per-address limit). Returns the
 * sentence to show (the button's `useActionState`; works as a plain form post without JavaScript).
 */
export async function resendVerification(
  _previous: ResendVerificationState,
  form: FormData,
): Promise<ResendVerificationState> {
  const site = await siteOf(form)
  const visitor = await loadVisitor(site)
  if (!visitor) return { status: 'error', message: 'Please log in first.' }
  const answer = await callEndpoint<{ to?: string }>({
    collection: 'users',
    path: '/verify-email/request',
    method: 'post',
    body: { tenant: site.tenant.slug },
    user: visitor.user,
    headers: await addressHeaders(),
  })
  if (answer.ok)
    return {
      status: 'sent',
      message: `We sent a new link to ${answer.body.to ?? visitor.user.email}. It works for 48 hours.`,
    }
  return {
    status: 'error',
    message: answer.body.message ?? errorMessage(answer.body.error) ?? 'We could not send the link just now.',
  }
}
