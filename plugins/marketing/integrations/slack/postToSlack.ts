/**
 * POSTs a message to a Slack incoming webhook. Slack answers 200 `ok`; anything else throws (the
 * job retries), with Slack's error code (`no_service`, `channel_is_archived`, …) in the message.
 */
export const postToSlack = async (webhookUrl: string, message: unknown, timeoutMs = 10_000): Promise<void> => {
  const response = await fetch(webhookUrl, {
    method: 'POST',
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
  })
  const text = await response.text().catch(() => '')
  if (!response.ok) throw new Error(`Slack answered ${response.status}: ${text.slice(0, 200)}`)
}
