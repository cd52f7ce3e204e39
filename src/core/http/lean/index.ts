/**
 * The lean path, walled off: everything of it is reached through this file. Hot endpoints are
 * marked with `leanEndpoint`; `leanRoute` gives the Next route segments that serve them (and the
 * test server); `leanDispatch` wraps any of Payload's REST handlers. See docs/kernel.md.
 */
export { isLeanEndpoint, leanEndpoint } from './leanEndpoint'
export { leanDispatch, type ApiRouteHandler } from './leanDispatch'
export { leanRoute, type LeanRouteHandlers } from './leanRoute'
