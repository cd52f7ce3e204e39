/**
 * The Idempotency-Key of an outgoing Stripe call, derived from our own ids so a retried job or a
 * double click repeats the same call instead of making a second one.
 */
export const idempotencyKey = (...parts: (string | number | null | undefined)[]): string =>
  ['atrium', ...parts.map((part) => String(part ?? '-'))].join(':').slice(0, 255)
