import { createLocalReq, type Endpoint, type Payload, type TypedUser } from 'payload'
import { hasCollection } from '@/core'
import { payloadInstance } from './site'

export type EndpointAnswer<T> = { status: number; ok: boolean; body: T & { error?: string; message?: string } }

type Method = 'get' | 'post' | 'delete'

/** The answer of an endpoint that is not installed (its plugin removed). */
const unavailable = { error: 'unavailable', message: 'This is not available here.' }

/**
 * The installed endpoint serving `/api[/<collection>]<path>`: a collection's own endpoints first,
 * then a root endpoint registered with the collection in its path (`/subscriptions/reserve`).
 */
const findEndpoint = (
  payload: Payload,
  collection: string | undefined,
  path: string,
  method: Method,
): Endpoint | undefined => {
  const list = (value: Endpoint[] | false | undefined) => value || []
  const own =
    collection && hasCollection(payload, collection) ? list(payload.collections[collection].config.endpoints) : []
  const root = list(payload.config.endpoints)
  const rootPath = collection ? `/${collection}${path}` : path
  return (
    own.find((e) => e.path === path && e.method === method) ??
    root.find((e) => e.path === rootPath && e.method === method)
  )
}

/** Whether an endpoint is installed (a page leaves out what its plugin does not offer). */
export const hasEndpoint = async (collection: string | undefined, path: string, method: Method): Promise<boolean> =>
  Boolean(findEndpoint(await payloadInstance(), collection, path, method))

/**
 * Calls one of the app's own REST endpoints in-process, as the visitor (`user`, or anonymous): the
 * same handler, access checks, transaction and error shape as over HTTP, without importing any
 * plugin code. `collection` picks a collection's endpoints, else the root ones. An endpoint that is
 * not installed (its plugin removed) answers 404 `unavailable`.
 */
export const callEndpoint = async <T = Record<string, unknown>>({
  collection,
  path,
  method,
  routeParams = {},
  query,
  user,
  body,
  headers,
}: {
  collection?: string
  path: string
  method: Method
  routeParams?: Record<string, string>
  query?: Record<string, string>
  user?: TypedUser | null
  body?: Record<string, unknown>
  /** Request headers the endpoint may read (the visitor's address for per-address limits). */
  headers?: Headers
}): Promise<EndpointAnswer<T>> => {
  const payload = await payloadInstance()
  const endpoint = findEndpoint(payload, collection, path, method)
  if (!endpoint) return { status: 404, ok: false, body: unavailable as EndpointAnswer<T>['body'] }
  const concrete = Object.entries(routeParams).reduce(
    (p, [key, value]) => p.replace(`:${key}`, encodeURIComponent(value)),
    path,
  )
  const search = query && Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''
  const url = `${payload.config.serverURL || 'http://localhost'}/api${collection ? `/${collection}` : ''}${concrete}${search}`
  const text = body ? JSON.stringify(body) : ''
  const req = await createLocalReq(
    {
      req: {
        url,
        method: method.toUpperCase(),
        routeParams,
        text: async () => text,
        ...(headers ? { headers } : {}),
      },
      user: user ?? undefined,
    },
    payload,
  )
  const response = await endpoint.handler(req)
  const parsed = (await response.json().catch(() => ({}))) as EndpointAnswer<T>['body']
  return { status: response.status, ok: response.ok, body: parsed }
}
