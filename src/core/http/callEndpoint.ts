import { createLocalReq, type Endpoint, type File, type Payload, type PayloadRequest, type TypedUser } from 'payload'

export type EndpointAnswer<T> = { status: number; ok: boolean; body: T & { error?: string; message?: string } }

export type EndpointMethod = 'get' | 'post' | 'delete'

/**
 * The installed endpoint serving `/api[/<collection>]<path>`: a collection's own endpoints first,
 * then a root endpoint registered with the collection in its path (`/subscriptions/reserve`).
 */
export const findEndpoint = (
  payload: Payload,
  collection: string | undefined,
  path: string,
  method: EndpointMethod,
): Endpoint | undefined => {
  const list = (value: unknown) => (Array.isArray(value) ? (value as Endpoint[]) : [])
  const own = collection
    ? list(
        (payload.collections as Record<string, { config: { endpoints?: unknown } } | undefined>)[collection]?.config
          .endpoints,
      )
    : []
  const root = list(payload.config.endpoints)
  const rootPath = collection ? `/${collection}${path}` : path
  return (
    own.find((e) => e.path === path && e.method === method) ??
    root.find((e) => e.path === rootPath && e.method === method)
  )
}

export type CallEndpointOptions = {
  collection?: string
  path: string
  method: EndpointMethod
  routeParams?: Record<string, string>
  query?: Record<string, string>
  user?: TypedUser | null
  body?: Record<string, unknown>
  /** Request headers the endpoint may read (the visitor's address for per-address limits). */
  headers?: Headers
  // lms_uploads: files for an upload endpoint, as a multipart request's parts would give them
  /** Uploaded files by form field (`req.files`), as Payload gives a multipart request's file parts. */
  files?: Record<string, File[]>
  // end lms_uploads
}

/**
 * Calls one of the app's own REST endpoints in-process, as `user` (or anonymous): the same
 * handler, access checks, transaction and error shape as over HTTP, without importing any plugin
 * code (the site and the seed use plugins this way). `collection` picks a collection's endpoints,
 * else the root ones. An endpoint that is not installed (its plugin removed) answers 404 `unavailable`.
 */
export const callEndpoint = async <T = Record<string, unknown>>(
  payload: Payload,
  { collection, path, method, routeParams = {}, query, user, body, headers, files }: CallEndpointOptions,
): Promise<EndpointAnswer<T>> => {
  const endpoint = findEndpoint(payload, collection, path, method)
  if (!endpoint)
    return {
      status: 404,
      ok: false,
      body: { error: 'unavailable', message: 'This is not available here.' } as EndpointAnswer<T>['body'],
    }
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
        ...(files ? { files } : {}), // lms_uploads
      } as Partial<PayloadRequest>,
      user: user ?? undefined,
    },
    payload,
  )
  const response = await endpoint.handler(req)
  const parsed = (await response.json().catch(() => ({}))) as EndpointAnswer<T>['body']
  return { status: response.status, ok: response.ok, body: parsed }
}
