import type { Endpoint } from 'payload'

const LEAN = 'lean'
const ANONYMOUS = 'leanAnonymous'

/**
 * Marks a custom endpoint as a hot path: the lean dispatch serves it without Payload's REST request
 * pipeline. The endpoint stays an ordinary Payload endpoint (same handler, same access rules, same
 * `endpointHandler` transaction), so anything the lean dispatch cannot decide still goes to Payload.
 * Its handler must answer rather than throw (`endpointHandler` does) and read query parameters from
 * the URL (`req.url`), as the schedule does. With `authenticate: false` the lean path does not look
 * up the session either (`req.user` stays null): for endpoints whose only credential is in the
 * request itself (a signed media token), so that serving them reads nothing from the database.
 */
export const leanEndpoint = (
  endpoint: Endpoint,
  { authenticate = true }: { authenticate?: boolean } = {},
): Endpoint => ({
  ...endpoint,
  custom: { ...endpoint.custom, [LEAN]: true, ...(authenticate ? {} : { [ANONYMOUS]: true }) },
})

/** Whether the lean path serves this endpoint without looking up the session. */
export const isAnonymousLeanEndpoint = (endpoint: Endpoint) => endpoint.custom?.[ANONYMOUS] === true

export const isLeanEndpoint = (endpoint: Endpoint) =>
  endpoint.custom?.[LEAN] === true && typeof endpoint.handler === 'function'
