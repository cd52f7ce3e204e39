import { match, type MatchFunction } from 'path-to-regexp'
import {
  createLocalReq,
  getPayload,
  type Endpoint,
  type Payload,
  type PayloadHandler,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'
import { sessionUserStrategy } from '../auth/sessionUserStrategy'

/** The shape of Next's `/api/[...slug]` route handlers (and of `@payloadcms/next/routes`). */
export type ApiRouteHandler = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>

type LeanRoute = { match: MatchFunction<Record<string, string>>; handler: PayloadHandler; collection?: string }
type RouteTable = { payload: Payload; routes: Map<string, LeanRoute[]> }

const LEAN = 'lean'

/**
 * Marks a custom endpoint as a hot path: `leanApi` serves it without Payload's REST request
 * pipeline. The endpoint stays an ordinary Payload endpoint (same handler, same access rules,
 * same `endpointHandler` transaction), so anything `leanApi` cannot decide still goes to Payload.
 */
export const leanEndpoint = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  custom: { ...endpoint.custom, [LEAN]: true },
})

const isLean = (endpoint: Endpoint) => endpoint.custom?.[LEAN] === true && typeof endpoint.handler === 'function'

const buildTable = (payload: Payload): RouteTable => {
  const api = payload.config.routes.api
  const routes = new Map<string, LeanRoute[]>()
  // CORS headers are Payload's to add: with origins configured every request takes its path.
  const { cors } = payload.config
  if (cors && !(Array.isArray(cors) && cors.length === 0)) return { payload, routes }
  const add = (endpoint: Endpoint, path: string, collection?: string) => {
    const method = endpoint.method.toUpperCase()
    const list = routes.get(method) ?? []
    list.push({
      match: match<Record<string, string>>(path, { decode: decodeURIComponent }),
      handler: endpoint.handler,
      collection,
    })
    routes.set(method, list)
  }
  for (const { config } of Object.values(payload.collections)) {
    for (const endpoint of config.endpoints || [])
      if (isLean(endpoint)) add(endpoint, `${api}/${config.slug}${endpoint.path}`, config.slug)
  }
  for (const endpoint of payload.config.endpoints ?? []) if (isLean(endpoint)) add(endpoint, `${api}${endpoint.path}`)
  return { payload, routes }
}

/** A credential our one-statement session check could not vouch for: Payload's strategies decide. */
const carriesCredential = (headers: Headers, payload: Payload) =>
  headers.has('authorization') || (headers.get('cookie') ?? '').includes(`${payload.config.cookiePrefix}-token=`)

/**
 * Wraps Payload's REST route handler for one method. Requests for endpoints marked with
 * `leanEndpoint` are served directly: the route is found in a table compiled once (Payload compiles
 * every endpoint's pattern on every request), the person is authenticated by `sessionUserStrategy`
 * alone (one SQL statement), and the request object is Payload's local one (`createLocalReq`:
 * i18n, data loader, context) instead of the full REST one (cookie and query parsing, locale
 * negotiation, every auth strategy). Whatever it cannot decide — other paths, a token the session
 * check rejects, API keys — goes to Payload's handler unchanged, so answers are the same either way.
 */
export const leanApi = (
  config: Promise<SanitizedConfig> | SanitizedConfig,
  method: string,
  fallback: ApiRouteHandler,
): ApiRouteHandler => {
  let table: Promise<RouteTable> | undefined
  const tableOf = () => (table ??= (async () => buildTable(await getPayload({ config: await config, cron: true })))())
  return async (request, args) => {
    const { payload, routes } = await tableOf()
    const candidates = routes.get(method)
    if (!candidates) return fallback(request, args)
    const url = new URL(request.url)
    const pathname = url.pathname
    let route: LeanRoute | undefined
    let params: Record<string, string> = {}
    for (const candidate of candidates) {
      const found = candidate.match(pathname)
      if (found) {
        route = candidate
        params = found.params
        break
      }
    }
    if (!route) return fallback(request, args)
    const { user } = await sessionUserStrategy.authenticate({
      headers: request.headers,
      payload,
      canSetHeaders: false,
      strategyName: sessionUserStrategy.name,
    })
    if (!user && carriesCredential(request.headers, payload)) return fallback(request, args)
    const req = Object.assign(request, {
      payloadAPI: 'REST' as const,
      routeParams: route.collection ? { ...params, collection: route.collection } : params,
      // Flat, unlike Payload's qs parse: lean endpoints read plain `?name=value` parameters.
      query: Object.fromEntries(url.searchParams),
      transactionID: undefined,
    }) as unknown as Partial<PayloadRequest>
    await createLocalReq({ req, user: user ?? undefined, context: {} }, payload)
    return route.handler(req as PayloadRequest)
  }
}
