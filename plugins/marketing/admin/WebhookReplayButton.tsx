'use client'
import { useState } from 'react'
import { useDocumentInfo } from '@payloadcms/ui'

/** On a webhook delivery's edit view: sends the delivery again (POST …/replay) and says how it went. */
export const WebhookReplayButton = () => {
  const { id } = useDocumentInfo()
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle')
  const [message, setMessage] = useState('')
  if (!id) return null
  const replay = async () => {
    setState('busy')
    setMessage('')
    try {
      const response = await fetch(`/api/webhook-deliveries/${id}/replay`, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string }
      if (!response.ok) throw new Error(body.message ?? `Replay failed (${response.status}).`)
      setState('done')
      setMessage('Queued: the delivery will be sent again shortly.')
    } catch (error) {
      setState('error')
      setMessage(error instanceof Error ? error.message : 'Replay failed.')
    }
  }
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-medium"
        style={{ margin: 0 }}
        onClick={replay}
        disabled={state === 'busy'}
        aria-busy={state === 'busy'}
      >
        {state === 'busy' ? 'Replaying…' : 'Replay delivery'}
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
