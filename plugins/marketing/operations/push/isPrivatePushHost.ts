/**
 * Whether a push endpoint's host is one no public push service lives at: local names (no dot,
 * `localhost`, `.local`), IPv6 literals, and loopback, private, link-local, CGNAT and unspecified
 * IPv4 addresses. Production refuses such endpoints (the server POSTs to them).
 */
export const isPrivatePushHost = (hostname: string): boolean => {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (!host.includes('.') || host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true
  return (
    /^(0|10|127)\./.test(host) ||
    /^169\.254\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./.test(host)
  )
}
