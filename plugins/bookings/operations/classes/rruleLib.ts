import * as rruleModule from 'rrule'

/**
 * `RRule` from the `rrule` package, whichever way it was loaded: bundlers use its ES module, plain
 * Node (tsx, the Payload CLI) its CommonJS build, whose named exports Node cannot detect.
 */
export const RRule: typeof rruleModule.RRule =
  (rruleModule as { RRule?: typeof rruleModule.RRule }).RRule ??
  (rruleModule as unknown as { default: { RRule: typeof rruleModule.RRule } }).default.RRule
