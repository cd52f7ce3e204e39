import { match, type MatchFunction } from 'path-to-regexp'
import type { Endpoint, Payload, PayloadHandler } from 'payload'
import { isAnonymousLeanEndpoint, isLeanEndpoint } from './leanEndpoint'

/** One endpoint of a scope; `handler` only when it is a lean endpoint. */
type Candidate = { match: MatchFunction<Record<string, string>>; handler?: PayloadHandler; anonymous?: boolean }

/** The endpoints of one scope (a collection, or the root) by upper-case method, in Payload's order. */
type Scope = Map<string, Candidate[]>

export type RouteTable = {
  api: string
  /** Collections with at least one lean endpoint. */
  collections: Map<string, Scope>
  /** The root endpoints, when one of them is lean. */
  root?: Scope
}

/** `anonymous`: served without the session check (`leanEndpoint(..., { authenticate: false })`). */
export type LeanMatch = { handler: PayloadHandler; routeParams: Record<string, string>; anonymous: boolean }

const scopeOf = (endpoints: Endpoint[] | false | undefined): Scope | undefined => {
  if (!Array.isArray(endpoints) || !endpoints.some(isLeanEndpoint)) return undefined
  const scope: Scope = new Map()
  for (const endpoint of endpoints) {
    const method = endpoint.method.toUpperCase()
    const list = scope.get(method) ?? []
    list.push({
      match: match<Record<string, string>>(endpoint.path, { decode: decodeURIComponent }),
      handler: isLeanEndpoint(endpoint) ? endpoint.handler : undefined,
      anonymous: isAnonymousLeanEndpoint(endpoint),
    })
    scope.set(method, list)
  }
  return scope
}

/**
 * The patterns of every scope that holds an endpoint marked `leanEndpoint`, compiled once (Payload
 * compiles every endpoint pattern of the scope on every request).
 */
export const routeTable = (payload: Payload): RouteTable => {
  const table: RouteTable = { api: payload.config.routes.api, collections: new Map() }
  for (const { config } of Object.values(payload.collections)) {
    const scope = scopeOf(config.endpoints)
    if (scope) table.collections.set(config.slug, scope)
  }
  table.root = scopeOf(payload.config.endpoints)
  return table
}

/**
 * The lean endpoint Payload's `handleEndpoints` would pick for this path and method, found the way
 * it finds one: the first segment after the API route names the collection whose endpoints are
 * searched (else the root endpoints; globals are never lean), and the first endpoint of that scope
 * whose method and pattern match wins. Undefined when that winner is not lean.
 */
export const findLeanRoute = (
  payload: Payload,
  table: RouteTable,
  method: string,
  pathname: string,
): LeanMatch | undefined => {
  if (!pathname.startsWith(`${table.api}/`)) return undefined
  const rest = pathname.slice(table.api.length)
  const slash = rest.indexOf('/', 1)
  const first = slash === -1 ? rest.slice(1) : rest.slice(1, slash)
  let scope: Scope | undefined
  let path = rest
  let collection: string | undefined
  const ofCollection = table.collections.get(first)
  if (ofCollection) {
    scope = ofCollection
    collection = first
    path = slash === -1 ? '/' : rest.slice(slash)
  } else if (first === 'globals' || first in payload.collections) {
    return undefined
  } else {
    scope = table.root
  }
  for (const candidate of scope?.get(method) ?? []) {
    const found = candidate.match(path)
    if (!found) continue
    if (!candidate.handler) return undefined
    return {
      handler: candidate.handler,
      routeParams: collection ? { ...found.params, collection } : found.params,
      anonymous: candidate.anonymous === true,
    }
  }
  return undefined
}
