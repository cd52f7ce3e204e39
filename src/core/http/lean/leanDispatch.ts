import {
  createLocalReq,
  getPayload,
  headersWithCors,
  mergeHeaders,
  type AuthStrategyResult,
  type Payload,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'
import * as qs from 'qs-esm'
import { sessionUserStrategy } from '../../auth/sessionUserStrategy'
import { databaseUnavailableResponse, failedForDatabase } from '../endpointHandler'
import { findLeanRoute, routeTable, type RouteTable } from './routeTable'

/** The shape of Next's `/api/...` route handlers (and of `@payloadcms/next/routes`). */
export type ApiRouteHandler = (request: Request, args: { params: Promise<{ slug?: string[] }> }) => Promise<Response>

/** Payload's own parse of the query string (`createPayloadRequest`), with Payload's own parser. */
const QUERY_OPTIONS = { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }

/** A credential the session check could not vouch for: Payload's strategies decide. */
const carriesCredential = (headers: Headers, payload: Payload) =>
  headers.has('authorization') || (headers.get('cookie') ?? '').includes(`${payload.config.cookiePrefix}-token=`)

/** Payload answers these POSTs as GETs (`handleEndpoints`): they are Payload's to route. */
const overridesMethod = (headers: Headers) =>
  headers.has('x-payload-http-method-override') || headers.has('x-http-method-override')

/**
 * Wraps Payload's REST route handlers (`leanDispatch(config)(REST_POST(config))`; the route table
 * is built once per `leanDispatch(config)`). A request for an endpoint marked `leanEndpoint` is
 * served directly: the endpoint is found in a table compiled once, the person is authenticated by
 * `sessionUserStrategy` alone (Payload's JWT rules, the user in one SQL statement), and the request
 * object is Payload's local one (`createLocalReq`: i18n, data loader, context; the query parsed as
 * Payload parses it) instead of the full REST one (cookies, locale negotiation, every auth
 * strategy); the answer gets the headers `handleEndpoints` adds (CORS). Whatever it cannot decide —
 * other paths, a credential the session check rejects, API keys, method overrides — goes to
 * Payload's handler unchanged, so answers are the same either way (the parity suite checks it).
 */
export const leanDispatch = (config: Promise<SanitizedConfig> | SanitizedConfig) => {
  let ready: Promise<{ payload: Payload; table: RouteTable }> | undefined
  const load = () =>
    (ready ??= (async () => {
      const payload = await getPayload({ config: await config, cron: true })
      return { payload, table: routeTable(payload) }
    })())
  return (fallback: ApiRouteHandler): ApiRouteHandler =>
    async (request, args) => {
      const { payload, table } = await load()
      const url = new URL(request.url)
      const route = findLeanRoute(payload, table, request.method, url.pathname)
      if (!route || (request.method === 'POST' && overridesMethod(request.headers))) return fallback(request, args)
      let user: AuthStrategyResult['user'] = null
      if (!route.anonymous) {
        try {
          ;({ user } = await sessionUserStrategy.authenticate({
            headers: request.headers,
            payload,
            canSetHeaders: false,
            strategyName: sessionUserStrategy.name,
          }))
        } catch (error) {
          // The session's user could not be loaded: 503 while the database is away, not 401 or 500.
          if (await failedForDatabase(payload, error))
            return databaseUnavailableResponse(payload, `lean ${request.method} ${url.pathname}`)
          throw error
        }
      }
      if (!user && !route.anonymous && carriesCredential(request.headers, payload)) return fallback(request, args)
      const req = Object.assign(request, {
        payloadAPI: 'REST' as const,
        routeParams: route.routeParams,
        query: url.search ? qs.parse(url.search, QUERY_OPTIONS) : {},
        transactionID: undefined,
      }) as unknown as Partial<PayloadRequest>
      await createLocalReq({ req, user: user ?? undefined, context: {} }, payload)
      const response = await route.handler(req as PayloadRequest)
      // Payload's answer, as `handleEndpoints` wraps it: response headers set on the request, CORS.
      return new Response(response.body, {
        headers: headersWithCors({
          headers: mergeHeaders(req.responseHeaders ?? new Headers(), response.headers),
          req: req as PayloadRequest,
        }),
        status: response.status,
        statusText: response.statusText,
      })
    }
}
