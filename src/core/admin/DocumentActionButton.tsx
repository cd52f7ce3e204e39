'use client'
import { useState } from 'react'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'

export type DocumentActionButtonProps = {
  /** The REST path under /api the button POSTs to, with `{id}` standing for the open document's id. */
  action: string
  label: string
  busyLabel: string
  /** What the status line says when the server accepted the action. */
  doneMessage: string
  /** Shown only while this field of the document has this value (e.g. `{ field: 'state', equals: 'failed' }`). */
  showWhen?: { field: string; equals: string }
}

/**
 * An edit view's action (`beforeDocumentControls` with `clientProps`): POSTs to the document's
 * action endpoint with the viewer's session and says how it went, with the server's own message
 * when it refuses.
 */
export const DocumentActionButton = ({
  action,
  label,
  busyLabel,
  doneMessage,
  showWhen,
}: DocumentActionButtonProps) => {
  const { id } = useDocumentInfo()
  const [state, setState] = useState<'idle' | 'busy' | 'done' | 'error'>('idle')
  const [message, setMessage] = useState('')
  const shown = useFormFields(([fields]) => (showWhen ? fields[showWhen.field]?.value === showWhen.equals : true))
  if (!id || (!shown && state === 'idle')) return null
  const run = async () => {
    setState('busy')
    setMessage('')
    try {
      const url = `/api/${action.replace('{id}', encodeURIComponent(String(id)))}`
      const response = await fetch(url, { method: 'POST', credentials: 'include' })
      const body = (await response.json().catch(() => ({}))) as { message?: string }
      if (!response.ok) throw new Error(body.message ?? `${label} failed (${response.status}).`)
      setState('done')
      setMessage(doneMessage)
    } catch (error) {
      setState('error')
      setMessage(error instanceof Error ? error.message : `${label} failed.`)
    }
  }
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-medium"
        style={{ margin: 0 }}
        onClick={run}
        disabled={state === 'busy'}
        aria-busy={state === 'busy'}
      >
        {state === 'busy' ? busyLabel : label}
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
