import type { SanitizedConfig } from 'payload'
import { leanDispatch, type ApiRouteHandler } from './leanDispatch'

type RestRoutes = typeof import('@payloadcms/next/routes')
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/** The route handlers a Next `route.ts` exports: the methods Payload's generated `/api` route exports. */
export type LeanRouteHandlers = Record<Method | 'OPTIONS', ApiRouteHandler>

let restRoutes: Promise<RestRoutes> | undefined
/** Loaded on first use, so `@/core` (which re-exports `leanEndpoint`) stays free of Next. */
const rest = () => (restRoutes ??= import('@payloadcms/next/routes'))

/**
 * The handlers of a Next route segment mounted at `/api<mount>` (`mount` = `/classes` for
 * `src/app/(lean)/api/classes/[...slug]/route.ts`, `/schedule` for `.../api/schedule/route.ts`, ''
 * for the whole API): lean endpoints under it are served by `leanDispatch`, everything else by
 * Payload's own REST handlers (`@payloadcms/next/routes`), handed the full path as the generated
 * `api/[...slug]` route would hand it. Next prefers a static segment to the catch-all, so these
 * segments take the lean paths and leave the generated route as Payload wrote it.
 */
export const leanRoute = (config: Promise<SanitizedConfig> | SanitizedConfig, mount = ''): LeanRouteHandlers => {
  const prefix = mount.split('/').filter(Boolean)
  const payloadRoute = (method: Method | 'OPTIONS'): ApiRouteHandler => {
    let handler: Promise<ApiRouteHandler> | undefined
    return async (request, args) => {
      const restHandler = await (handler ??= rest().then(
        (routes) => routes[`REST_${method}`](config) as ApiRouteHandler,
      ))
      const slug = (await args.params)?.slug ?? []
      return restHandler(request, { params: Promise.resolve({ slug: [...prefix, ...slug] }) })
    }
  }
  const lean = leanDispatch(config)
  return {
    GET: lean(payloadRoute('GET')),
    POST: lean(payloadRoute('POST')),
    PATCH: lean(payloadRoute('PATCH')),
    DELETE: lean(payloadRoute('DELETE')),
    OPTIONS: payloadRoute('OPTIONS'),
  }
}
