const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Why `url` cannot receive webhooks, or undefined when it can: https only, except plain http to
 * localhost outside production (local receivers in development and tests).
 */
export const webhookUrlProblem = (url: unknown): string | undefined => {
  if (typeof url !== 'string' || !url) return 'A URL is required.'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'Not a valid URL.'
  }
  if (parsed.username || parsed.password) return 'The URL must not carry credentials.'
  if (parsed.protocol === 'https:') return undefined
  if (parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname) && process.env.NODE_ENV !== 'production')
    return undefined
  return 'Webhook URLs must use https.'
}
