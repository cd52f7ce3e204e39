import { createLocalReq, type TypedUser } from 'payload'
import { payloadInstance } from './site'

export type EndpointAnswer<T> = { status: number; ok: boolean; body: T & { error?: string; message?: string } }

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
  user,
  body,
}: {
  collection?: string
  path: string
  method: 'get' | 'post'
  routeParams?: Record<string, string>
  user?: TypedUser | null
  body?: Record<string, unknown>
}): Promise<EndpointAnswer<T>> => {
  const payload = await payloadInstance()
  const endpoints = collection ? (payload.collections as Record<string, { config: { endpoints?: unknown } } | undefined>)[collection]?.config.endpoints : payload.config.endpoints
  const list = (Array.isArray(endpoints) ? endpoints : []) as NonNullable<typeof payload.config.endpoints>
  const endpoint = list.find((e) => e.path === path && e.method === method)
  if (!endpoint) return { status: 404, ok: false, body: { error: 'unavailable', message: 'This is not available here.' } as never }
  const concrete = Object.entries(routeParams).reduce((p, [key, value]) => p.replace(`:${key}`, encodeURIComponent(value)), path)
  const url = `${payload.config.serverURL || 'http://localhost'}/api${collection ? `/${collection}` : ''}${concrete}`
  const text = body ? JSON.stringify(body) : ''
  const req = await createLocalReq(
    { req: { url, method: method.toUpperCase(), routeParams, text: async () => text } as never, user: user ?? undefined },
    payload,
  )
  const response = await endpoint.handler(req)
  const parsed = (await response.json().catch(() => ({}))) as EndpointAnswer<T>['body']
  return { status: response.status, ok: response.ok, body: parsed }
}
