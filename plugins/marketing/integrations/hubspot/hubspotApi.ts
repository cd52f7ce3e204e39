import { Client } from '@hubspot/api-client'
import type { Payload } from 'payload'
import type { HubspotConnection } from './hubspotConnection'
import { blockHubspotBucket, waitForHubspotToken } from './tokenBucket'

/** A HubSpot call that failed: its status (0 for a network error), Retry-After (ms) on a 429. */
export class HubspotCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message)
  }
}

/** The sync could not get a request token before its run's deadline (nothing was sent). */
export class HubspotOutOfTime extends Error {}

type ApiErrorLike = { code?: unknown; body?: unknown; headers?: Record<string, string> }

const retryAfterOf = (headers: Record<string, string> | undefined, fallbackMs: number) => {
  const raw = headers?.['retry-after'] ?? headers?.['Retry-After']
  if (!raw) return fallbackMs
  const seconds = Number(raw)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const at = Date.parse(raw)
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : fallbackMs
}

const messageOf = (body: unknown) => {
  if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string') return body.message
  if (typeof body === 'string') return body.slice(0, 500)
  return ''
}

/** A HubSpot SDK error as a `HubspotCallError` (status, message, Retry-After for a 429). */
export const hubspotErrorOf = (error: unknown): HubspotCallError => {
  if (error instanceof HubspotCallError) return error
  const e = (error ?? {}) as ApiErrorLike
  const status = typeof e.code === 'number' ? e.code : 0
  if (status === 429)
    return new HubspotCallError('HubSpot answered 429 Too Many Requests', 429, retryAfterOf(e.headers, 10_000))
  if (status > 0)
    return new HubspotCallError(
      `HubSpot answered ${status}${messageOf(e.body) ? `: ${messageOf(e.body)}` : ''}`,
      status,
    )
  return new HubspotCallError(error instanceof Error ? error.message : String(error), 0)
}

export type HubspotApi = {
  client: Client
  /** Runs one HubSpot request after taking a token of the connection's bucket; a 429 blocks the bucket for its Retry-After. */
  call: <T>(request: (client: Client) => Promise<T>) => Promise<T>
}

/**
 * The SDK client of a connection (`basePath` = the connection's base URL, so tests and the demo
 * talk to a fake), with the SDK's own retries and limiter off: every request first takes a token
 * of the connection's shared bucket (`takeHubspotToken`), and a 429 stops all workers for its
 * Retry-After (the rows it carried stay pending).
 */
export const hubspotApi = (
  payload: Payload,
  connection: HubspotConnection,
  options: { windowMs: number; deadline: number; timeoutMs?: number },
): HubspotApi => {
  const client = new Client({
    accessToken: connection.accessToken,
    basePath: connection.baseUrl.replace(/\/+$/, ''),
    numberOfApiCallRetries: 0,
  })
  const key = `connection:${connection.id}`
  return {
    client,
    call: async (request) => {
      const got = await waitForHubspotToken(payload, key, {
        burstLimit: connection.burstLimit,
        windowMs: options.windowMs,
        deadline: options.deadline,
      })
      if (!got) throw new HubspotOutOfTime('No HubSpot request token before the run’s deadline.')
      let timer: ReturnType<typeof setTimeout> | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new HubspotCallError(`HubSpot did not answer within ${options.timeoutMs ?? 30_000} ms`, 0)),
          options.timeoutMs ?? 30_000,
        )
      })
      try {
        // Upserts are idempotent: a request abandoned on timeout that still lands changes nothing when sent again.
        return await Promise.race([request(client), timeout])
      } catch (error) {
        const failure = hubspotErrorOf(error)
        if (failure.status === 429) await blockHubspotBucket(payload, key, failure.retryAfterMs ?? 10_000)
        throw failure
      } finally {
        clearTimeout(timer)
      }
    },
  }
}
