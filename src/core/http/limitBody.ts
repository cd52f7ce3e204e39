import { getEnv } from '../env'
import type { ApiRouteHandler } from './lean'
import { OperationError } from './OperationError'

/** Room for a multipart request's other fields (`_payload`, boundaries) beside its largest file. */
const MULTIPART_OVERHEAD = 1024 ** 2

export type BodyLimits = {
  /** JSON and every other non-multipart body. */
  json: number
  /** A whole multipart (upload) request. */
  upload: number
}

/** The limits from the environment (`JSON_BODY_LIMIT`; the larger of the file limits plus overhead). */
export const bodyLimits = (): BodyLimits => {
  const env = getEnv()
  return {
    json: env.JSON_BODY_LIMIT,
    upload: Math.max(env.UPLOAD_FILE_LIMIT, env.VIDEO_FILE_LIMIT) + MULTIPART_OVERHEAD,
  }
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`

/** Thrown by a counted body stream at its limit; `endpointHandler` answers it as 413 `body_too_large`. */
export class BodyTooLargeError extends OperationError {
  constructor(limit: number) {
    super(413, 'body_too_large', `The request body is larger than the ${megabytes(limit)} this route accepts.`)
    this.name = 'BodyTooLargeError'
  }
}

/**
 * The 413 answer. `connection: close` makes the server drop the connection once answered, so
 * the rest of an oversized body is never read.
 */
const tooLarge = (limit: number): Response =>
  Response.json(
    { error: 'body_too_large', message: new BodyTooLargeError(limit).message, limit },
    { status: 413, headers: { connection: 'close' } },
  )

/**
 * Wraps a Next `/api` route handler with a body size limit, enforced before the body is buffered:
 * multipart bodies may be `limits.upload` bytes, all others `limits.json`. A declared
 * Content-Length over the limit is answered 413 at once, unread. A body without Content-Length
 * (chunked) is counted while the handler reads it: at the limit the stream fails (with
 * `BodyTooLargeError`, so nothing is parsed from a partial body) and the answer is 413 whatever
 * the handler made of the failure. Bodies within a declared length pass through untouched.
 */
export const limitBody =
  (handler: ApiRouteHandler, limits: () => BodyLimits = bodyLimits): ApiRouteHandler =>
  async (request, args) => {
    if (!request.body || request.method === 'GET' || request.method === 'HEAD') return handler(request, args)
    const multipart = (request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')
    const { json, upload } = limits()
    const limit = multipart ? upload : json
    const declared = request.headers.get('content-length')
    if (declared !== null) return Number(declared) > limit ? tooLarge(limit) : handler(request, args)

    let seen = 0
    let exceeded = false
    const counted = request.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen += chunk.byteLength
          if (seen > limit) {
            exceeded = true
            controller.error(new BodyTooLargeError(limit))
          } else controller.enqueue(chunk)
        },
      }),
    )
    const limited = new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body: counted,
      signal: request.signal,
      duplex: 'half',
    } as RequestInit)
    try {
      const response = await handler(limited, args)
      return exceeded ? tooLarge(limit) : response
    } catch (error) {
      if (exceeded) return tooLarge(limit)
      throw error
    }
  }

/** `limitBody` on each handler a Next `route.ts` exports. */
export const limitBodies = <T extends Partial<Record<string, ApiRouteHandler>>>(handlers: T): T =>
  Object.fromEntries(Object.entries(handlers).map(([method, handler]) => [method, handler && limitBody(handler)])) as T
