import { Webhook } from 'standardwebhooks'

export type PostResult = { ok: boolean; status: number | null; error: string | null }

/** Why a fetch failed, in a short sentence (connection refused, timeout, …). */
const describeFailure = (error: unknown): string => {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'Timed out'
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    return cause?.code ?? cause?.message ?? error.message
  }
  return String(error)
}

/**
 * POSTs one webhook: the JSON `body` with Standard Webhooks headers, signed with every secret in
 * `secrets` (the current one first; during a rotation's overlap the previous one too, each
 * signature space-separated in `webhook-signature`). Redirects are not followed; 2xx is success.
 */
export const postWebhook = async ({
  url,
  messageId,
  body,
  secrets,
  timeoutMs,
  userAgent = 'Atrium-Webhooks/1.0',
}: {
  url: string
  messageId: string
  body: string
  secrets: string[]
  timeoutMs: number
  userAgent?: string
}): Promise<PostResult> => {
  const timestamp = new Date()
  const signature = secrets.map((secret) => new Webhook(secret).sign(messageId, timestamp, body)).join(' ')
  try {
    const response = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': userAgent,
        'webhook-id': messageId,
        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body,
    })
    // Drain (a little of) the body so the connection is released.
    const text = await response.text().catch(() => '')
    const ok = response.status >= 200 && response.status < 300
    return { ok, status: response.status, error: ok ? null : `HTTP ${response.status}: ${text.slice(0, 200)}` }
  } catch (error) {
    return { ok: false, status: null, error: describeFailure(error) }
  }
}
