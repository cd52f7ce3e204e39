import type { Endpoint, PayloadRequest } from 'payload'
import { addDataAndFileToRequest, headersWithCors } from 'payload'
import { generatePayloadCookie } from 'payload/shared'
import { normaliseEmail } from './normaliseEmail'

type Credentials = { email: string; password: string }

/** The login of each account now running in this process (its tail, which never rejects). */
const running = new Map<string, Promise<unknown>>()

/**
 * `payload.login` for one account at a time. Payload's login reads the user with its sessions
 * before it opens a transaction and then writes the whole sessions array back, so two logins of
 * the same account at once (two tabs, a form posted twice) each drop the session the other just
 * added, and that token then signs nobody in. Logins of one account wait for each other here, in
 * the process, holding no database connection while they wait (a transaction and an advisory lock
 * would hold one per waiting login, and the login needs a second for its rate limit: the pool
 * would run dry under a burst). Logins of one account through two processes in the same instant
 * can still race; that is Payload's to fix.
 */
export const serialisedLogin = async (req: PayloadRequest, credentials: Credentials) => {
  const key = normaliseEmail(credentials.email)
  const login = (running.get(key) ?? Promise.resolve()).then(() =>
    req.payload.login({ collection: 'users', data: credentials, req }),
  )
  const tail = login.then(
    () => undefined,
    () => undefined,
  )
  running.set(key, tail)
  try {
    return await login
  } finally {
    if (running.get(key) === tail) running.delete(key)
  }
}

/**
 * `POST /api/users/login` (the admin's and the REST API's login), answered as Payload's own
 * handler answers (the user, the token and the session cookie) but through `serialisedLogin`.
 * A collection's own endpoints are matched before Payload's defaults. The per-IP limit of
 * `loginGuard` still applies: the request keeps its REST origin.
 */
export const loginEndpoint: Endpoint = {
  path: '/login',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const data = req.data ?? {}
    const result = await serialisedLogin(req, {
      email: typeof data.email === 'string' ? data.email : '',
      password: typeof data.password === 'string' ? data.password : '',
    })
    const cookie = generatePayloadCookie({
      collectionAuthConfig: req.payload.collections.users.config.auth,
      cookiePrefix: req.payload.config.cookiePrefix,
      token: result.token ?? '',
    })
    return Response.json(
      { message: req.t('authentication:passed'), ...result },
      { headers: headersWithCors({ headers: new Headers({ 'Set-Cookie': cookie }), req }) },
    )
  },
}
