import type { Payload, PayloadRequest } from 'payload'
import { APIError } from 'payload'
import { ZodError } from 'zod'
import { DATABASE_UNAVAILABLE_MESSAGE } from '../db/databaseUnavailableHook'
import { databaseReachable } from '../db/databaseReachable'
import { inTransaction } from '../db/inTransaction'
import { isDatabaseUnavailable } from '../db/isDatabaseUnavailable'
import { pgErrorCode } from '../db/pgErrorCode'
import { BodyTooLargeError } from './limitBody'
import { OperationError } from './OperationError'

export type EndpointWork = (req: PayloadRequest, body: unknown) => Promise<unknown>

export type EndpointHandlerOptions = {
  /** Status of the JSON answer when `work` returns a value rather than a `Response` (default 200). */
  status?: number
  /** Answer 401 `unauthenticated` before anything else when nobody is signed in (default false). */
  requireUser?: boolean
  /** Run without a transaction: for read-only hot paths (default: in a transaction). */
  transaction?: boolean
}

const json = (status: number, error: string, message: string): Response => Response.json({ error, message }, { status })

/** The JSON body, read once: `{}` for GET/HEAD or an empty body; 400 `invalid_json` when malformed. */
const readBody = async (req: PayloadRequest): Promise<unknown> => {
  const method = (req.method ?? 'GET').toUpperCase()
  if (method === 'GET' || method === 'HEAD') return {}
  let text: string
  try {
    text = req.text ? await req.text() : ''
  } catch (error) {
    // Over the body limit (`limitBody`): refused, never run on a partial or empty body.
    if (error instanceof BodyTooLargeError) throw error
    text = ''
  }
  if (!text.trim()) return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new OperationError(400, 'invalid_json', 'The request body must be JSON.')
  }
}

/** Whether the request came with a session cookie or an Authorization header. */
const carriesCredential = (req: PayloadRequest) =>
  Boolean(req.headers?.get('authorization')) ||
  (req.headers?.get('cookie') ?? '').includes(`${req.payload.config?.cookiePrefix ?? 'payload'}-token=`)

/** 503 `database_unavailable` (logged): the answer while the database cannot be reached. */
export const databaseUnavailableResponse = (payload: Payload, what: string): Response => {
  payload.logger.warn({ msg: `${what}: database unavailable` })
  return json(503, 'database_unavailable', DATABASE_UNAVAILABLE_MESSAGE)
}

const databaseUnavailable = (req: PayloadRequest): Response =>
  databaseUnavailableResponse(req.payload, `endpoint ${req.method ?? ''} ${req.pathname ?? ''}`)

/**
 * Whether `error` means the database cannot be reached: a recognised failure (`isDatabaseUnavailable`),
 * or any failure while a probe finds the database gone (the pool can lose the cause).
 */
export const failedForDatabase = async (payload: Payload, error: unknown): Promise<boolean> =>
  isDatabaseUnavailable(error) || !(await databaseReachable(payload))

/** Maps anything thrown by an endpoint to the platform's one error shape: `{ error, message }`. */
const errorResponse = async (req: PayloadRequest, error: unknown): Promise<Response> => {
  // Signed in, yet no user: Payload's auth reads an unreachable database as "nobody". Not a 401 then.
  if (
    error instanceof OperationError &&
    error.status === 401 &&
    !req.user &&
    carriesCredential(req) &&
    !(await databaseReachable(req.payload))
  )
    return databaseUnavailable(req)
  if (error instanceof ZodError) {
    return json(
      400,
      'invalid_input',
      error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
    )
  }
  if (error instanceof OperationError) return json(error.status, error.code, error.message)
  if (error instanceof APIError && error.status < 500) {
    return json(
      error.status,
      error.status === 404 ? 'not_found' : error.status === 403 ? 'forbidden' : 'refused',
      error.message,
    )
  }
  const code = pgErrorCode(error)
  if (code === '23505') return json(409, 'conflict', 'A conflicting record already exists; try again.')
  if (code === '23514') return json(409, 'constraint', 'The change would break a rule the data must keep.')
  if (code === '40P01' || code === '40001') return json(503, 'busy', 'Too many changes at once; try again.')
  if (isDatabaseUnavailable(error)) return databaseUnavailable(req)
  // An error whose cause was lost on the way (a broken connection surfacing as something else)
  // while the database cannot be reached is the outage, not a bug.
  if (!(await databaseReachable(req.payload))) return databaseUnavailable(req)
  req.payload.logger.error({ err: error, msg: `endpoint ${req.method ?? ''} ${req.pathname ?? ''} failed` })
  return json(500, 'internal', 'Something went wrong.')
}

/**
 * The one way to write a custom endpoint handler: reads the JSON body once, runs `work` in the
 * request's transaction (committed when it returns, rolled back when it throws) and answers with
 * the `Response` it returns, or with its result as JSON (`options.status`, default 200). Anything
 * thrown becomes `{ error: <code>, message: <sentence> }` with its status:
 * ZodError → 400 `invalid_input`; OperationError → its status and code; Payload APIError < 500 →
 * `not_found` / `forbidden` / `refused`; PostgreSQL 23505 → 409 `conflict`, 23514 → 409
 * `constraint`, 40P01/40001 → 503 `busy`; a database that is down, restarting or timing out → 503
 * `database_unavailable` (also a 401 for a request that carried a credential while the database is
 * unreachable: its user could not be read); a body over its limit → 413 `body_too_large`; anything else is logged and answers 500 `internal`.
 */
export const endpointHandler =
  (work: EndpointWork, options: EndpointHandlerOptions = {}) =>
  async (req: PayloadRequest): Promise<Response> => {
    try {
      if (options.requireUser && !req.user) throw new OperationError(401, 'unauthenticated', 'Sign in first.')
      const body = await readBody(req)
      const result =
        options.transaction === false ? await work(req, body) : await inTransaction(req, () => work(req, body))
      return result instanceof Response ? result : Response.json(result ?? null, { status: options.status ?? 200 })
    } catch (error) {
      return errorResponse(req, error)
    }
  }
