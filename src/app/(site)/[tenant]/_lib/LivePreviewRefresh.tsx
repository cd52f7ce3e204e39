'use client'

import { useEffect } from 'react'

/**
 * In the admin's live preview (this page in its iframe, in draft mode): tells the admin it is ready
 * and reloads the page from the server when the document is saved (Payload posts
 * `payload-document-event` to the iframe; the saved or autosaved draft is what the server then reads).
 */
export function LivePreviewRefresh({ serverUrl }: { serverUrl: string }) {
  useEffect(() => {
    const origin = new URL(serverUrl, window.location.href).origin
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== origin) return
      const data = event.data as { type?: string } | null
      if (data?.type === 'payload-document-event') window.location.reload()
    }
    window.addEventListener('message', onMessage)
    if (window.parent !== window) window.parent.postMessage({ type: 'payload-live-preview', ready: true }, origin)
    return () => window.removeEventListener('message', onMessage)
  }, [serverUrl])
  return null
}
