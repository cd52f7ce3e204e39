'use client'

import { useActionState } from 'react'
import { resendVerification, type ResendVerificationState } from './verifyEmailActions'

const initial: ResendVerificationState = { status: 'idle', message: '' }

/** "Send a new link": asks for another verification mail and says what happened (a polite live region). */
export const ResendVerificationButton = ({ site }: { site: string }) => {
  const [state, action, pending] = useActionState(resendVerification, initial)
  return (
    <form action={action}>
      <input type="hidden" name="site" value={site} />
      <button type="submit" className="button button-secondary" disabled={pending || state.status === 'sent'}>
        {pending ? 'Sending…' : 'Send a new link'}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={
          state.status === 'error' ? 'flash flash-error' : state.status === 'sent' ? 'flash flash-ok' : undefined
        }
      >
        {state.message}
      </p>
    </form>
  )
}
