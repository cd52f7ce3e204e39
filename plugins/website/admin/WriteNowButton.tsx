'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

type Reply = { status?: string; period?: string; post?: string | null; message?: string }

/**
 * On a subscription's edit view: "Write now" asks for this period's post at once
 * (`POST /api/seo-subscriptions/:id/write-now`) and says what happened (queued, or the post exists).
 */
export const WriteNowButton = () => {
  const { id } = useDocumentInfo()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ text: string; post?: string | null } | null>(null)
  if (!id) return null
  const run = async () => {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`/api/seo-subscriptions/${id}/write-now`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
      const reply = (await response.json().catch(() => ({}))) as Reply
      if (!response.ok) setMessage({ text: reply.message ?? 'The post could not be requested.' })
      else if (reply.status === 'exists')
        setMessage({ text: `This period's post (${reply.period}) is already written.`, post: reply.post })
      else setMessage({ text: `Writing this period's post (${reply.period}): it appears under Blog posts shortly.` })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: '0.5rem' }}>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-medium"
        style={{ margin: 0 }}
        disabled={busy}
        onClick={() => void run()}
      >
        {busy ? 'Requesting…' : 'Write now'}
      </button>
      <span role="status" aria-live="polite">
        {message ? (
          <>
            {message.text} {message.post ? <a href={`/admin/collections/blog-posts/${message.post}`}>Open it</a> : null}
          </>
        ) : null}
      </span>
    </div>
  )
}
