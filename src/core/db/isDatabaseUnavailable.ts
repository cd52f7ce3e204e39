/** SQLSTATEs of a server that is gone, going or not yet back, and of a statement cut by `statement_timeout`. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '53300'])
/** Socket errors of a server that cannot be reached. */
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'])
/**
 * What node-postgres says when a connection breaks or cannot be had in time, also inside the
 * message of an error that wraps it without its code (Payload's "cannot begin transaction: …").
 */
const UNAVAILABLE_MESSAGE =
  /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|EPIPE)\b|Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed|Query read timeout|terminating connection due to (administrator command|unexpected postmaster exit)|server closed the connection unexpectedly|Client was closed and is not queryable|socket has been ended by the other party|the database system is (starting up|shutting down|in recovery mode)/i

/**
 * Whether `error` (or any error in its `cause` chain, as Drizzle and Payload wrap them) says the
 * database is unreachable, restarting or too slow: a reason to answer 503 and retry, not a bug.
 */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : ''
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNREACHABLE_CODES.has(code)) return true
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true
    e = e.cause as typeof e
  }
  return false
}
