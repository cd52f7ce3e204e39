import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload, SanitizedConfig } from 'payload'
import { expect } from 'vitest'
import { sessionUserStrategy } from '../auth/sessionUserStrategy'
import { leanDispatch, leanRoute, type ApiRouteHandler } from '../http/lean'

/** One request of a parity table; `path` starts with the API route (`/api/...`) and may carry a query. */
export type ParityRequest = { method: string; path: string; headers?: Record<string, string>; body?: string }

/** What a pipeline answered: status, headers (but `date`) and the body, parsed when it is JSON. */
export type ParityAnswer = { status: number; headers: Record<string, string>; body: unknown }

/**
 * A row of a parity table. `request` is called once per pipeline, so a row that changes data can
 * make its own fixtures each time (and `normalise` the ids out of the body). `expect` pins what the
 * row is about: the reference status, and whether the lean dispatch served it itself (`lean: true`)
 * or handed it to Payload (`lean: false`); `check` looks further into the reference answer.
 */
export type ParityRow<Fixtures> = {
  name: string
  request: (fixtures: Fixtures) => ParityRequest | Promise<ParityRequest>
  expect: { status: number; lean: boolean }
  check?: (answer: ParityAnswer, fixtures: Fixtures) => void
  normalise?: (body: unknown) => unknown
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** A row's `normalise` for answers about records the row made afresh: ids (also inside text) and timestamps blanked. */
export const withoutIds = (body: unknown): unknown => {
  if (Array.isArray(body)) return body.map(withoutIds)
  if (body && typeof body === 'object')
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, withoutIds(value)]))
  if (typeof body !== 'string') return body
  return ISO_DATE.test(body) ? '<date>' : body.replace(UUID, '<id>')
}

type App = { payload: Payload; config: SanitizedConfig; baseUrl: string }
type Routes = Partial<Record<string, ApiRouteHandler>>

/** Session strategies of ours registered in front of Payload's: absent from the reference pipeline. */
const OUR_STRATEGIES = new Set([sessionUserStrategy.name])

const read = async (response: Response, normalise?: (body: unknown) => unknown): Promise<ParityAnswer> => {
  const text = await response.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: compared as text
  }
  const headers: Record<string, string> = {}
  response.headers.forEach((value, key) => {
    if (key !== 'date') headers[key] = value
  })
  return { status: response.status, headers, body: normalise ? normalise(body) : body }
}

/**
 * Runs the same request through four pipelines and expects the same answer from each:
 * - `payload`: Payload's generated REST route with Payload's own auth strategies only (the reference);
 * - `payload+session`: the same route with the app's strategies (`sessionUserStrategy` first), as
 *   every non-lean request is served;
 * - `lean`: `leanDispatch` in front of Payload's route, its fallback recorded;
 * - `lean mount`: `leanRoute` mounted where Next mounts it (`/api/<first segment>`), params as Next
 *   passes them.
 * Next answers a method the route does not export with 405 and a HEAD with the GET handler; so do
 * these pipelines.
 */
export const leanParity = (app: App) => {
  const { config } = app
  const payloadRoute: Routes = {
    GET: REST_GET(config),
    POST: REST_POST(config),
    PATCH: REST_PATCH(config),
    DELETE: REST_DELETE(config),
    OPTIONS: REST_OPTIONS(config),
  }
  let fellBack = false
  const lean = leanDispatch(config)
  const leanRoutes: Routes = {}
  for (const [method, handler] of Object.entries(payloadRoute)) {
    const toPayload: ApiRouteHandler = async (request, args) => {
      fellBack = true
      return handler!(request, args)
    }
    // Preflights are Payload's (`leanRoute` exports Payload's OPTIONS).
    leanRoutes[method] = method === 'OPTIONS' ? toPayload : lean(toPayload)
  }
  const mounts = new Map<string, Routes>()
  const mountOf = (name: string) => {
    let routes = mounts.get(name)
    if (!routes) mounts.set(name, (routes = leanRoute(config, `/${name}`)))
    return routes
  }

  const withoutOurStrategies = async <T>(work: () => Promise<T>): Promise<T> => {
    const { payload } = app
    const strategies = payload.authStrategies
    payload.authStrategies = strategies.filter((strategy) => !OUR_STRATEGIES.has(strategy.name))
    expect(payload.authStrategies.length, 'our strategies are registered, and left out here').toBe(
      strategies.length - OUR_STRATEGIES.size,
    )
    try {
      return await work()
    } finally {
      payload.authStrategies = strategies
    }
  }

  const call = async (routes: Routes, spec: ParityRequest, slug: string[]): Promise<Response> => {
    const method = spec.method.toUpperCase()
    const handler = routes[method === 'HEAD' ? 'GET' : method]
    if (!handler) {
      fellBack = true // Next answers, no handler runs
      return new Response(null, { status: 405 })
    }
    const request = new Request(`${app.baseUrl}${spec.path}`, {
      method,
      headers: spec.headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : spec.body,
    })
    return handler(request, { params: Promise.resolve(slug.length ? { slug } : {}) })
  }

  const slugOf = (path: string) =>
    new URL(path, 'http://parity').pathname
      .slice(config.routes.api.length)
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent)

  /** The answers of the four pipelines, and whether the lean dispatch served the request itself. */
  const answers = async <F>(row: ParityRow<F>, fixtures: F) => {
    const answer = async (run: (spec: ParityRequest) => Promise<Response>) => {
      const spec = await row.request(fixtures)
      return read(await run(spec), row.normalise)
    }
    const payload = await withoutOurStrategies(() => answer((spec) => call(payloadRoute, spec, slugOf(spec.path))))
    const configured = await answer((spec) => call(payloadRoute, spec, slugOf(spec.path)))
    fellBack = false
    const leanAnswer = await answer((spec) => call(leanRoutes, spec, slugOf(spec.path)))
    const servedByLean = !fellBack
    const mounted = await answer((spec) => {
      const [first, ...rest] = slugOf(spec.path)
      return call(mountOf(first ?? ''), spec, rest)
    })
    return { payload, 'payload+session': configured, lean: leanAnswer, 'lean mount': mounted, servedByLean }
  }

  /** Asserts one row: every pipeline answers as Payload's own, and the row's expectations hold. */
  const expectParity = async <F>(row: ParityRow<F>, fixtures: F) => {
    const { servedByLean, ...all } = await answers(row, fixtures)
    const reference = all.payload
    for (const [name, answer] of Object.entries(all))
      expect(answer, `${row.name}: ${name} answers as Payload's pipeline`).toEqual(reference)
    expect(reference.status, `${row.name}: status`).toBe(row.expect.status)
    expect(servedByLean, `${row.name}: served by the lean dispatch`).toBe(row.expect.lean)
    row.check?.(reference, fixtures)
  }

  return { answers, expectParity }
}
