/** The caller's address: the first X-Forwarded-For hop (set by the load balancer), else X-Real-IP. */
export const clientIp = (headers: Headers | undefined): string | undefined =>
  headers?.get('x-forwarded-for')?.split(',')[0]?.trim() || headers?.get('x-real-ip')?.trim() || undefined
