'use client'
import { useState } from 'react'
import { useDocumentInfo } from '@payloadcms/ui'

/** On a HubSpot outbox row's edit view: sends the row again (POST …/retry) and says how it went. */
export const HubspotRetryButton = () => {
  const { id } = useDocumentInfo()
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle')
  const [message, setMessage] = useState('')
  if (!id) return null
  const retry = async () => {
    setState('busy')
    setMessage('')
    try {
      const response = await fetch(`/api/hubspot-outbox/${id}/retry`, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string }
      if (!response.ok) throw new Error(body.message ?? `Retry failed (${response.status}).`)
      setState('done')
      setMessage('Queued: the row will be sent to HubSpot again shortly.')
    } catch (error) {
      setState('error')
      setMessage(error instanceof Error ? error.message : 'Retry failed.')
    }
  }
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-medium"
        style={{ margin: 0 }}
        onClick={retry}
        disabled={state === 'busy'}
        aria-busy={state === 'busy'}
      >
        {state === 'busy' ? 'Retrying…' : 'Retry'}
      </button>
      <span
        role="status"
        aria-live="polite"
        style={{ color: state === 'error' ? 'var(--theme-error-500)' : undefined }}
      >
        {message}
      </span>
    </div>
  )
}
