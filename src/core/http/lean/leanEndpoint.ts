import type { Endpoint } from 'payload'

const LEAN = 'lean'

/**
 * Marks a custom endpoint as a hot path: the lean dispatch serves it without Payload's REST request
 * pipeline. The endpoint stays an ordinary Payload endpoint (same handler, same access rules, same
 * `endpointHandler` transaction), so anything the lean dispatch cannot decide still goes to Payload.
 * Its handler must answer rather than throw (`endpointHandler` does) and read query parameters from
 * the URL (`req.url`), as the schedule does.
 */
export const leanEndpoint = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  custom: { ...endpoint.custom, [LEAN]: true },
})

export const isLeanEndpoint = (endpoint: Endpoint) =>
  endpoint.custom?.[LEAN] === true && typeof endpoint.handler === 'function'
